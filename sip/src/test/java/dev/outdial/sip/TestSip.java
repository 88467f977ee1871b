package dev.outdial.sip;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.sip.signal.DigestAuth;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the SIP adapter's tests set up alike: settings on 127.0.0.1, a short T1, and Anna's phone account. */
final class TestSip {

    /** A short T1 so a silent trunk times out (64 × T1) within a test's patience. */
    static final Duration T1 = Duration.ofMillis(20);
    /** RTCP reports this often: a call of a few seconds has its round trip measured. */
    static final Duration RTCP_INTERVAL = Duration.ofMillis(400);
    static final String REALM = "outdial.test";
    static final AgentId ANNA = new AgentId("agent-anna");
    /** The trunk's own address, where its calls come from unless told otherwise. */
    static final AddressBlock LOOPBACK = AddressBlock.parse("127.0.0.1");
    /** Anna's phone account: user anna, password s3cret. */
    static final PhoneBook PHONES = username -> username.equals("anna")
            ? Optional.of(new PhoneBook.PhoneAccount(ANNA, "anna", DigestAuth.ha1("anna", REALM, "s3cret")))
            : Optional.empty();

    /** The password of the test certificates' stores in {@code src/test/resources/tls} (their README). */
    static final char[] TLS_PASSWORD = "outdial-test".toCharArray();

    /** The test key or trust store {@code name} of {@code src/test/resources/tls}. */
    static KeyStore tlsStore(String name) throws Exception {
        try (InputStream in = TestSip.class.getResourceAsStream("/tls/" + name)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TLS_PASSWORD);
            return store;
        }
    }

    private TestSip() {
    }

    static SipSettings settings(int listenPort, int trunkPort, SipSettings.Transport transport,
                                Optional<String> trunkUser, Optional<String> trunkPassword, Duration keepAlive) {
        return settings(listenPort, trunkPort, transport, trunkUser, trunkPassword, keepAlive, List.of(LOOPBACK));
    }

    static SipSettings settings(int listenPort, int trunkPort, SipSettings.Transport transport,
                                Optional<String> trunkUser, Optional<String> trunkPassword, Duration keepAlive,
                                List<AddressBlock> callersFrom) {
        return settings(listenPort, trunkPort, transport, trunkUser, trunkPassword, keepAlive, callersFrom,
                TrunkNumbers.E164);
    }

    static SipSettings settings(int listenPort, int trunkPort, SipSettings.Transport transport,
                                Optional<String> trunkUser, Optional<String> trunkPassword, Duration keepAlive,
                                List<AddressBlock> callersFrom, TrunkNumbers numbers) {
        return new SipSettings(new InetSocketAddress("127.0.0.1", listenPort), "127.0.0.1", 30000, 30099,
                new InetSocketAddress("127.0.0.1", trunkPort), transport, trunkUser, trunkPassword, "outdial.test",
                REALM, keepAlive, callersFrom, Optional.empty(), numbers, Optional.of(SipSettings.DEFAULT_MEDIA_TIMEOUT),
                Optional.empty(), Optional.empty(), SipSettings.Srtp.WHERE_OFFERED, Optional.empty(), TestSip.RTCP_INTERVAL);
    }

    /**
     * A trunk at {@code trunkPort} reached over TLS and asked every second whether it is up, Outdial listening for TLS
     * as {@code tls} says.
     */
    static SipSettings settingsOverTls(int listenPort, int trunkPort, SipTls tls) {
        return new SipSettings(new InetSocketAddress("127.0.0.1", listenPort), "127.0.0.1", 30000, 30099,
                new InetSocketAddress("127.0.0.1", trunkPort), SipSettings.Transport.TLS, Optional.empty(),
                Optional.empty(), "outdial.test", REALM, Duration.ofSeconds(1), List.of(LOOPBACK), Optional.empty(),
                TrunkNumbers.E164, Optional.of(SipSettings.DEFAULT_MEDIA_TIMEOUT), Optional.empty(), Optional.empty(),
                SipSettings.Srtp.WHERE_OFFERED, Optional.of(tls), TestSip.RTCP_INTERVAL);
    }

    /**
     * The carrier given as {@code domain}, whose SRV records name its trunks and the addresses its calls come from;
     * UDP, as {@link #settings(int, int)}.
     */
    static SipSettings settingsForDomain(int listenPort, String domain, Duration keepAlive) {
        return new SipSettings(new InetSocketAddress("127.0.0.1", listenPort), "127.0.0.1", 30000, 30099,
                InetSocketAddress.createUnresolved(domain, 5060), SipSettings.Transport.UDP, Optional.empty(),
                Optional.empty(), "outdial.test", REALM, keepAlive, List.of(), Optional.empty(),
                TrunkNumbers.E164, Optional.of(SipSettings.DEFAULT_MEDIA_TIMEOUT), Optional.empty(),
                Optional.of(domain), SipSettings.Srtp.WHERE_OFFERED, Optional.empty(), TestSip.RTCP_INTERVAL);
    }

    /** UDP to the trunk, no trunk credentials, no keep-alive within a test. */
    static SipSettings settings(int listenPort, int trunkPort) {
        return settings(listenPort, trunkPort, SipSettings.Transport.UDP, Optional.empty(), Optional.empty(),
                Duration.ofHours(1));
    }
}
