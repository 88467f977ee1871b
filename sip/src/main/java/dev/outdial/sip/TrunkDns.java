package dev.outdial.sip;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * Where a carrier's domain says its SIP trunks are: its DNS SRV records ({@code _sip._udp.<domain>}, or
 * {@code _sip._tcp} over TCP), as RFC 3263 §4.2 asks, in the order RFC 2782 gives them: the lowest priority first and,
 * within one priority, drawn by weight, so a carrier spreading its customers over several trunks has its share kept.
 * Asked through the JDK's DNS client: the system's DNS servers, or the one a test names.
 */
public final class TrunkDns {

    /** A record's target of "." says the service is not offered at this domain (RFC 2782). */
    private static final String NO_SERVICE = ".";

    private final String dnsUrl;
    private final RandomGenerator random;

    /** The system's DNS servers. */
    public TrunkDns() {
        this("dns:", RandomGenerator.getDefault());
    }

    /** @param dnsUrl {@code dns:} for the system's servers, {@code dns://host:port} for one of them */
    TrunkDns(String dnsUrl, RandomGenerator random) {
        this.dnsUrl = dnsUrl;
        this.random = random;
    }

    /** One SRV record: where the service is and how it ranks. */
    record Target(int priority, int weight, int port, String host) {

        static Target parse(String record) {
            String[] fields = record.trim().split("\\s+");
            if (fields.length != 4) {
                throw new IllegalArgumentException("not an SRV record: " + record);
            }
            String host = fields[3].endsWith(".") && fields[3].length() > 1
                    ? fields[3].substring(0, fields[3].length() - 1) : fields[3];
            return new Target(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), Integer.parseInt(fields[2]),
                    host.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The trunks {@code domain}'s SRV records name for {@code transport}, in the order to use them; empty where it has
     * none (the domain is then its own trunk's host, at port 5060).
     *
     * @throws IllegalStateException where DNS cannot be asked or does not answer
     */
    public List<InetSocketAddress> trunks(String domain, SipSettings.Transport transport) {
        String service = "_sip._" + transport.name().toLowerCase(Locale.ROOT) + "." + domain;
        List<Target> targets = new ArrayList<>();
        try {
            DirContext dns = new InitialDirContext(environment());
            try {
                Attribute records = dns.getAttributes(service, new String[] {"SRV"}).get("SRV");
                if (records != null) {
                    NamingEnumeration<?> values = records.getAll();
                    while (values.hasMore()) {
                        targets.add(Target.parse(String.valueOf(values.next())));
                    }
                }
            } finally {
                dns.close();
            }
        } catch (NameNotFoundException none) {
            return List.of();
        } catch (NamingException | IllegalArgumentException e) {
            throw new IllegalStateException("the SRV records of " + service + " could not be read: " + e.getMessage(),
                    e);
        }
        return ordered(targets).stream()
                .filter(target -> !target.host().equals(NO_SERVICE))
                .map(target -> new InetSocketAddress(target.host(), target.port()))
                .toList();
    }

    /** RFC 2782's order: by priority; within one, each next drawn with a chance in proportion to its weight. */
    List<Target> ordered(List<Target> targets) {
        List<Target> byPriority = new ArrayList<>(targets);
        byPriority.sort(Comparator.comparingInt(Target::priority));
        List<Target> ordered = new ArrayList<>();
        int from = 0;
        while (from < byPriority.size()) {
            int priority = byPriority.get(from).priority();
            int to = from;
            while (to < byPriority.size() && byPriority.get(to).priority() == priority) {
                to++;
            }
            List<Target> left = new ArrayList<>(byPriority.subList(from, to));
            // zero weights first, as RFC 2782 asks, so they are drawn only when nothing weighs more
            left.sort(Comparator.comparingInt(Target::weight));
            while (!left.isEmpty()) {
                ordered.add(left.remove(drawn(left)));
            }
            from = to;
        }
        return ordered;
    }

    private int drawn(List<Target> left) {
        int total = left.stream().mapToInt(Target::weight).sum();
        int pick = random.nextInt(total + 1);
        int running = 0;
        for (int i = 0; i < left.size(); i++) {
            running += left.get(i).weight();
            if (running >= pick) {
                return i;
            }
        }
        return left.size() - 1;
    }

    private Hashtable<String, String> environment() {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        environment.put(Context.PROVIDER_URL, dnsUrl);
        environment.put("com.sun.jndi.dns.timeout.initial", "2000");
        environment.put("com.sun.jndi.dns.timeout.retries", "2");
        return environment;
    }
}
