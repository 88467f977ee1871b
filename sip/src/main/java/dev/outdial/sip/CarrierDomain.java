package dev.outdial.sip;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carrier given as its domain ({@link SipSettings#trunkDomain}): which of its trunks calls go to, as its DNS says
 * now. Asked as the adapter starts and again every {@link #ASKED_EVERY}, so trunks the carrier moves are followed and a
 * DNS that could not tell at the start (down, or the domain not there yet) is asked until it does: meanwhile calls
 * cannot be sent, and end {@code NETWORK_ERROR}, rather than the node not starting at all.
 */
final class CarrierDomain {

    private static final Logger LOG = LoggerFactory.getLogger(CarrierDomain.class);
    /** How often the carrier's DNS is asked again: trunks rarely move, and a minute of calls to an old one is few. */
    static final Duration ASKED_EVERY = Duration.ofMinutes(1);

    /** Where calls go: the first trunk, and the backups in their order. */
    record Located(InetSocketAddress primary, List<InetSocketAddress> backups) {
    }

    private final String domain;
    /** The domain itself at its port, unresolved ({@link SipSettings#trunk} until the DNS named the trunks). */
    private final InetSocketAddress ownAddress;
    private final SipSettings.Transport transport;
    /** The backup the operator gave, which comes before any the DNS names. */
    private final Optional<InetSocketAddress> givenBackup;
    private final TrunkDns dns;
    /** What is said of a DNS that cannot tell. */
    private static final String ASKED_AGAIN = "; asked again every minute, calls cannot go out meanwhile";
    /** What was said of the last answer, so a DNS that keeps failing is not logged every minute. */
    private String lastSaid = "";

    /** The carrier of {@code settings}, whose {@link SipSettings#trunkDomain} is given. */
    CarrierDomain(SipSettings settings, TrunkDns dns) {
        this.domain = settings.trunkDomain().orElseThrow();
        this.ownAddress = settings.trunk();
        this.transport = settings.transport();
        this.givenBackup = settings.backupTrunk();
        this.dns = dns;
    }

    /**
     * The trunks the domain's SRV records name now, in their order, those that resolve: the first, and the others as
     * its backups, after the operator's where one was given; without records, the domain's own address at port 5060.
     * Empty where DNS does not tell (it cannot be asked, or nothing it names resolves).
     */
    synchronized Optional<Located> located() {
        List<InetSocketAddress> targets;
        try {
            targets = dns.trunks(domain, transport);
        } catch (IllegalStateException e) {
            return said(Optional.empty(), e.getMessage() + ASKED_AGAIN);
        }
        List<InetSocketAddress> named = targets.isEmpty()
                ? List.of(new InetSocketAddress(ownAddress.getHostString(), ownAddress.getPort())) : targets;
        List<InetSocketAddress> resolved = named.stream().filter(address -> !address.isUnresolved()).toList();
        if (resolved.isEmpty()) {
            return said(Optional.empty(), (targets.isEmpty() ? domain + " has no SRV records and does not resolve"
                    : domain + "'s SRV records name trunks none of which resolves: " + targets) + ASKED_AGAIN);
        }
        List<InetSocketAddress> backups = new ArrayList<>(givenBackup.stream().toList());
        resolved.stream().skip(1).filter(trunk -> !backups.contains(trunk)).forEach(backups::add);
        Located trunks = new Located(resolved.getFirst(), List.copyOf(backups));
        return said(Optional.of(trunks), targets.isEmpty() ? domain + " has no SRV records: it is its own trunk, "
                + trunks.primary() : domain + "'s SRV records name " + targets + ": calls go to " + trunks.primary()
                + (backups.isEmpty() ? "" : ", backups " + backups));
    }

    private Optional<Located> said(Optional<Located> trunks, String what) {
        if (!Objects.equals(what, lastSaid)) {
            lastSaid = what;
            if (trunks.isPresent()) {
                LOG.info("outdial.telephony.sip.trunk.address: {}", what);
            } else {
                LOG.warn("outdial.telephony.sip.trunk.address: {}", what);
            }
        }
        return trunks;
    }
}
