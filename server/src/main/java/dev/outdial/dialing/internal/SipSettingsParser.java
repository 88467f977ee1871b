package dev.outdial.dialing.internal;

import dev.outdial.sip.AddressBlock;
import dev.outdial.sip.SipSettings;
import dev.outdial.sip.SipTls;
import dev.outdial.sip.TrunkNumbers;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what an operator typed under {@code outdial.telephony.sip.*} into {@link SipSettings}; each
 * wrong value is an {@link IllegalArgumentException} naming the setting, which stops the start.
 */
final class SipSettingsParser {

    static final String PREFIX = "outdial.telephony.sip.";
    /** A call takes two legs (customer and agent), each its own RTP port. */
    static final int MIN_RTP_PORTS = 4;
    private static final int DEFAULT_SIP_PORT = 5060;
    private static final Pattern HOST_PORT = Pattern.compile("\\[?([^\\[\\]\\s]+?)]?(?::(\\d{1,5}))?");
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})\\s*-\\s*(\\d{1,5})");
    private static final Pattern LIST = Pattern.compile("[,\\s]+");
    private static final Pattern IPV4 = Pattern.compile("[0-9.]+");
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final Pattern HOST_NAME = Pattern.compile(LABEL + "(\\." + LABEL + ")*\\.?");
    private static final Pattern REALM = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Duration MIN_KEEP_ALIVE = Duration.ofSeconds(1);
    private static final Duration MAX_KEEP_ALIVE = Duration.ofHours(1);
    private static final Duration MIN_REGISTRATION = Duration.ofSeconds(60);
    /** Shorter, and a pause in a carrier's audio (a jitter buffer's gap, a re-INVITE's move) could end a call. */
    private static final Duration MIN_MEDIA_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_MEDIA_TIMEOUT = Duration.ofHours(1);
    private static final Duration MAX_REGISTRATION = Duration.ofDays(1);
    private static final Duration MIN_RTCP_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_RTCP_INTERVAL = Duration.ofMinutes(1);

    private SipSettingsParser() {
    }

    static SipSettings parse(TelephonyProperties.Sip sip) {
        InetSocketAddress listen = socketAddress("listen", sip.listen(), true);
        String publicAddress = publicAddress(sip.publicAddress(), listen);
        int[] rtp = rtpPorts(sip.rtpPorts());
        TelephonyProperties.Trunk trunk = sip.trunk();
        Optional<String> trunkDomain = srvDomain(trunk.address());
        InetSocketAddress trunkAddress = trunkDomain.isPresent()
                ? InetSocketAddress.createUnresolved(trunkDomain.get(), DEFAULT_SIP_PORT)
                : socketAddress("trunk.address", trunk.address(), false);
        Optional<InetSocketAddress> backup = given(trunk.backupAddress())
                .map(typed -> socketAddress("trunk.backup-address", typed, false));
        if (backup.isPresent() && backup.get().equals(trunkAddress)) {
            throw invalid("trunk.backup-address", "is the trunk's own address: give the carrier's second one, or none");
        }
        SipSettings.Transport transport = transport(trunk.transport());
        Optional<SipTls> tls = tls(sip.tls(), listen);
        if (transport == SipSettings.Transport.TLS && tls.isEmpty()) {
            throw invalid("trunk.transport", "tls needs Outdial's certificate: set " + PREFIX + "tls.key-store, or "
                    + PREFIX + "tls.certificate and " + PREFIX + "tls.private-key");
        }
        Optional<String> username = given(trunk.username());
        Optional<String> password = given(trunk.password());
        if (username.isPresent() != password.isPresent()) {
            throw invalid("trunk.username", "and " + PREFIX + "trunk.password are given together or not at all");
        }
        String fromDomain = given(trunk.fromDomain()).map(String::trim).orElse(trunkAddress.getHostString());
        if (fromDomain.contains(" ") || fromDomain.contains("@")) {
            throw invalid("trunk.from-domain", "must be a host name, not '" + fromDomain + "'");
        }
        return new SipSettings(listen, publicAddress, rtp[0], rtp[1], trunkAddress, transport, username, password,
                fromDomain, realm(sip.realm()), keepAlive(sip.keepAlive()), callersFrom(trunk.inboundFrom(), trunkAddress, backup),
                registration(trunk, username.isPresent()), numbers(trunk), mediaTimeout(sip.mediaTimeout()), backup,
                trunkDomain, new SipSettings.Srtp(trunk.srtp(), sip.phoneSrtp()), tls, rtcpInterval(sip.rtcpInterval()));
    }

    /**
     * The carrier's domain, where {@code trunk.address} is a host name without a port: as RFC 3263 asks, its DNS SRV
     * records are to say where its trunks are (looked up as Outdial starts, and every minute). A port, or an IP address,
     * names the trunk.
     */
    private static Optional<String> srvDomain(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        Matcher parts = HOST_PORT.matcher(typed.trim());
        if (!parts.matches() || parts.group(2) != null) {
            return Optional.empty();
        }
        String host = parts.group(1);
        boolean ipAddress = host.contains(":") || IPV4.matcher(host).matches();
        return ipAddress || !HOST_NAME.matcher(host).matches() ? Optional.empty() : Optional.of(host);
    }

    /** {@code 0}: calls are never ended for their silence. */
    private static Optional<Duration> mediaTimeout(Duration typed) {
        if (typed != null && typed.isZero()) {
            return Optional.empty();
        }
        if (typed == null || typed.compareTo(MIN_MEDIA_TIMEOUT) < 0 || typed.compareTo(MAX_MEDIA_TIMEOUT) > 0) {
            throw invalid("media-timeout", "must be 0 (never) or between 10s and 1h, not " + typed);
        }
        return Optional.of(typed);
    }

    /** RTCP's reports: RFC 3550 recommends 5 s between them; longer spares a carrier's monitoring, shorter the tests. */
    private static Duration rtcpInterval(Duration typed) {
        if (typed == null || typed.compareTo(MIN_RTCP_INTERVAL) < 0 || typed.compareTo(MAX_RTCP_INTERVAL) > 0) {
            throw invalid("rtcp-interval", "must be between 1s and 1m, not " + typed);
        }
        return typed;
    }

    private static TrunkNumbers numbers(TelephonyProperties.Trunk trunk) {
        TrunkNumbers.Format format;
        try {
            format = TrunkNumbers.Format.of(trunk.numberFormat());
        } catch (IllegalArgumentException e) {
            throw invalid("trunk.number-format", e.getMessage());
        }
        String prefix = given(trunk.dialPrefix()).map(String::trim).orElse("");
        try {
            return new TrunkNumbers(format, prefix);
        } catch (IllegalArgumentException e) {
            throw invalid("trunk.dial-prefix", "must be at most 16 digits, * or #, not '" + prefix + "'");
        }
    }

    static String realm(String typed) {
        if (typed == null || !REALM.matcher(typed).matches()) {
            throw invalid("realm", "must be 1 to 64 letters, digits, dots, dashes or underscores, not '" + typed + "'");
        }
        return typed;
    }

    private static InetSocketAddress socketAddress(String setting, String typed, boolean portRequired) {
        if (typed == null || typed.isBlank()) {
            throw invalid(setting, "is required in sip mode (host:port)");
        }
        Matcher parts = HOST_PORT.matcher(typed.trim());
        if (!parts.matches() || (portRequired && parts.group(2) == null)) {
            throw invalid(setting, "must be host:port, not '" + typed + "'");
        }
        int port = parts.group(2) == null ? DEFAULT_SIP_PORT : Integer.parseInt(parts.group(2));
        if (port < 1 || port > 65535) {
            throw invalid(setting, "has port " + port + ", outside 1-65535");
        }
        InetSocketAddress address = new InetSocketAddress(parts.group(1), port);
        if (address.isUnresolved()) {
            throw invalid(setting, "names host '" + parts.group(1) + "', which does not resolve");
        }
        return address;
    }

    /** The address given, else the listening one unless it is every interface, else this machine's first non-loopback IPv4. */
    private static String publicAddress(String typed, InetSocketAddress listen) {
        if (typed != null && !typed.isBlank()) {
            String given = typed.trim();
            if (given.contains(" ") || given.contains(":") && !given.contains("]") && given.indexOf(':') == given.lastIndexOf(':')) {
                throw invalid("public-address", "must be a host name or IP address without a port, not '" + typed + "'");
            }
            if (given.equals("0.0.0.0") || given.equals("::")) {
                throw invalid("public-address", "must be an address phones and the trunk can reach, not '" + typed + "'");
            }
            return given;
        }
        if (!listen.getAddress().isAnyLocalAddress()) {
            return listen.getAddress().getHostAddress();
        }
        return firstNonLoopbackAddress().orElseThrow(() -> invalid("public-address",
                "is required: this machine has no network address but loopback"));
    }

    private static Optional<String> firstNonLoopbackAddress() {
        try {
            for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!face.isUp() || face.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(face.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
            return Optional.empty();
        } catch (SocketException unreadable) {
            return Optional.empty();
        }
    }

    private static int[] rtpPorts(String typed) {
        Matcher range = PORT_RANGE.matcher(typed == null ? "" : typed.trim());
        if (!range.matches()) {
            throw invalid("rtp-ports", "must be a range like 30000-31999, not '" + typed + "'");
        }
        int first = Integer.parseInt(range.group(1));
        int last = Integer.parseInt(range.group(2));
        if (first < 1024 || last > 65535 || first > last) {
            throw invalid("rtp-ports", "must lie within 1024-65535, first port first, not '" + typed + "'");
        }
        if (first % 2 != 0) {
            throw invalid("rtp-ports", "must start on an even port (RTP's convention), not " + first);
        }
        if (last - first + 1 < MIN_RTP_PORTS) {
            throw invalid("rtp-ports", "must hold at least " + MIN_RTP_PORTS + " ports, not " + (last - first + 1));
        }
        return new int[] {first, last};
    }

    /**
     * The carrier's addresses, IPs or CIDR blocks a comma or space apart; by default the trunk's own address. Carriers
     * often send their calls from other addresses than the one Outdial calls through, and publish them.
     */
    private static List<AddressBlock> callersFrom(String typed, InetSocketAddress trunk,
                                                  Optional<InetSocketAddress> backup) {
        if (typed == null || typed.isBlank()) {
            if (trunk.isUnresolved()) {
                return List.of(); // a domain's trunks are known once its SRV records are read: the adapter's then
            }
            List<AddressBlock> trunks = new ArrayList<>(List.of(AddressBlock.of(trunk.getAddress())));
            backup.ifPresent(spare -> trunks.add(AddressBlock.of(spare.getAddress())));
            return trunks;
        }
        List<AddressBlock> blocks = new ArrayList<>();
        for (String block : LIST.split(typed.strip())) {
            try {
                blocks.add(AddressBlock.parse(block));
            } catch (IllegalArgumentException wrong) {
                throw invalid("trunk.inbound-from", "must list IP addresses or blocks like 192.0.2.0/24: "
                        + wrong.getMessage());
            }
        }
        return blocks;
    }

    /** How long a registration with the trunk is asked to last, if Outdial registers at all. */
    private static Optional<Duration> registration(TelephonyProperties.Trunk trunk, boolean credentials) {
        if (!trunk.register()) {
            return Optional.empty();
        }
        if (!credentials) {
            throw invalid("trunk.register", "needs " + PREFIX + "trunk.username and " + PREFIX + "trunk.password");
        }
        Duration expires = trunk.registerExpires();
        if (expires == null || expires.compareTo(MIN_REGISTRATION) < 0 || expires.compareTo(MAX_REGISTRATION) > 0) {
            throw invalid("trunk.register-expires", "must be between 60s and 1d, not " + expires);
        }
        return Optional.of(expires);
    }

    private static SipSettings.Transport transport(String typed) {
        String transport = typed == null ? "" : typed.trim().toUpperCase(Locale.ROOT);
        return switch (transport) {
            case "UDP" -> SipSettings.Transport.UDP;
            case "TCP" -> SipSettings.Transport.TCP;
            case "TLS" -> SipSettings.Transport.TLS;
            default -> throw invalid("trunk.transport", "must be udp, tcp or tls, not '" + typed + "'");
        };
    }

    private static Duration keepAlive(Duration typed) {
        if (typed == null || typed.compareTo(MIN_KEEP_ALIVE) < 0 || typed.compareTo(MAX_KEEP_ALIVE) > 0) {
            throw invalid("keep-alive", "must be between 1s and 1h, not " + typed);
        }
        return typed;
    }

    /**
     * SIP over TLS where Outdial's certificate is given (a key store, or PEM files): its port, and the stores, opened
     * and checked now.
     */
    private static Optional<SipTls> tls(TelephonyProperties.Tls tls, InetSocketAddress listen) {
        boolean fromKeyStore = given(tls.keyStore()).isPresent();
        boolean fromPem = given(tls.certificate()).isPresent() || given(tls.privateKey()).isPresent();
        if (!fromKeyStore && !fromPem) {
            if (given(tls.trustStore()).isPresent()) {
                throw invalid("tls.trust-store", "is used with Outdial's own certificate: set " + PREFIX
                        + "tls.key-store, or " + PREFIX + "tls.certificate and " + PREFIX + "tls.private-key, too");
            }
            return Optional.empty();
        }
        if (fromKeyStore && fromPem) {
            throw invalid("tls.key-store", "and " + PREFIX + "tls.certificate are two ways to give Outdial's "
                    + "certificate: give one");
        }
        if (fromPem && (given(tls.certificate()).isEmpty() || given(tls.privateKey()).isEmpty())) {
            throw invalid("tls.certificate", "and " + PREFIX + "tls.private-key are given together");
        }
        if (tls.port() < 1 || tls.port() > 65535) {
            throw invalid("tls.port", "must be a port (1-65535), not " + tls.port());
        }
        if (tls.port() == listen.getPort()) {
            throw invalid("tls.port", "must differ from the port of " + PREFIX + "listen (" + listen.getPort()
                    + "), which UDP and TCP take: 5061 is TLS's usual one");
        }
        char[] password = fromPem ? PemKeyStore.PASSWORD
                : given(tls.keyStorePassword()).orElse("").toCharArray();
        Supplier<KeyStore> load = fromPem
                ? () -> PemKeyStore.load(tls.certificate(), tls.privateKey())
                : () -> keyStore(tls.keyStore(), password);
        List<String> files = fromPem ? List.of(tls.certificate(), tls.privateKey()) : List.of(tls.keyStore());
        CertificateFiles renewals = new CertificateFiles(files.stream().map(file -> Path.of(file.trim())).toList(),
                load);
        KeyStore keys = load.get();
        Optional<KeyStore> trusted = given(tls.trustStore()).map(path ->
                store("tls.trust-store", path, given(tls.trustStorePassword()).orElse("").toCharArray()));
        return Optional.of(new SipTls(tls.port(), keys, password, trusted, renewals));
    }

    /** The key store at {@code path}, holding a private key its password opens. */
    private static KeyStore keyStore(String path, char[] password) {
        KeyStore keys = store("tls.key-store", path, password);
        checkKeysOpen(keys, password);
        return keys;
    }

    /** The key or trust store at {@code path}, PKCS#12 or JKS, opened with {@code password}. */
    private static KeyStore store(String setting, String path, char[] password) {
        try {
            return KeyStore.getInstance(readable(setting, path).toFile(), password);
        } catch (IOException e) {
            throw invalid(setting, "cannot be opened: a wrong password, or not a PKCS#12 or JKS file ("
                    + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw invalid(setting, "is not a PKCS#12 or JKS key store: " + path);
        }
    }

    /** Whether {@code keys} holds a private key, each opened by {@code password} (now, not at the first call). */
    private static void checkKeysOpen(KeyStore keys, char[] password) {
        try {
            List<String> withKeys = new ArrayList<>();
            for (String alias : Collections.list(keys.aliases())) {
                if (keys.isKeyEntry(alias)) {
                    keys.getKey(alias, password);
                    withKeys.add(alias);
                }
            }
            if (withKeys.isEmpty()) {
                throw invalid("tls.key-store", "holds no private key: it must hold Outdial's certificate and its key");
            }
        } catch (GeneralSecurityException e) {
            throw invalid("tls.key-store", "has a key its password does not open (" + e.getMessage() + ")");
        }
    }

    /** What an operator typed, if anything but blanks. */
    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }

    /** The file {@code path} that {@code setting} names, if this server can read it. */
    static Path readable(String setting, String path) {
        Path file = Path.of(path.trim());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw invalid(setting, "is not a file this server can read: " + path);
        }
        return file;
    }

    static IllegalArgumentException invalid(String setting, String why) {
        return new IllegalArgumentException(PREFIX + setting + " " + why);
    }
}
