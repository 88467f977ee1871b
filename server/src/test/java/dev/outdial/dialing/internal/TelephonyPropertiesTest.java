package dev.outdial.dialing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.sip.AddressBlock;
import dev.outdial.sip.CertificateRenewal;
import dev.outdial.sip.SipSettings;
import dev.outdial.sip.TrunkNumbers;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code outdial.telephony.*} as typed in a properties file: the mode and the SIP settings bind to
 * {@link SipSettings}, and every wrong value stops the start with a message naming the setting.
 */
class TelephonyPropertiesTest {

    @Test
    void simIsTheDefaultAndNeedsNoSipSetting() {
        TelephonyProperties telephony = bind(Map.of());
        assertThat(telephony.telephonyMode()).isEqualTo(TelephonyMode.SIM);
        assertThat(telephony.realm()).isEqualTo("outdial");
    }

    @Test
    void anUnknownModeNamesTheSettingAndItsChoices() {
        assertRefused(Map.of("outdial.telephony.mode", "asterisk"), "outdial.telephony.mode must be sim or sip, not 'asterisk'");
    }

    @Test
    void sipModeBindsEverySettingWithItsDefaults() {
        SipSettings sip = bind(sip(Map.of())).sipSettings();
        assertThat(sip.listen()).isEqualTo(new InetSocketAddress("0.0.0.0", 5060));
        assertThat(sip.publicAddress()).as("the first non-loopback address").isNotBlank().isNotEqualTo("0.0.0.0")
                .doesNotStartWith("127.");
        assertThat(sip.rtpPortFirst()).isEqualTo(30000);
        assertThat(sip.rtpPortLast()).isEqualTo(31999);
        assertThat(sip.trunk()).isEqualTo(new InetSocketAddress("127.0.0.1", 5080));
        assertThat(sip.transport()).isEqualTo(SipSettings.Transport.UDP);
        assertThat(sip.trunkUsername()).isEmpty();
        assertThat(sip.fromDomain()).isEqualTo("127.0.0.1");
        assertThat(sip.realm()).isEqualTo("outdial");
        assertThat(sip.keepAlive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sip.callersFrom()).as("calls come from the trunk's own address").containsExactly(
                AddressBlock.parse("127.0.0.1/32"));
        assertThat(sip.registration()).as("Outdial does not register with the trunk").isEmpty();
        assertThat(sip.numbers()).as("E.164 with its plus, no prefix").isEqualTo(TrunkNumbers.E164);
    }

    @Test
    void theCarriersNumberFormatAndDialPrefixBindAsTypedAndWrongOnesAreNamed() {
        SipSettings sip = bind(sip(Map.of("outdial.telephony.sip.trunk.number-format", "National",
                "outdial.telephony.sip.trunk.dial-prefix", " 1010# "))).sipSettings();
        assertThat(sip.numbers()).isEqualTo(new TrunkNumbers(TrunkNumbers.Format.NATIONAL, "1010#"));

        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.number-format", "+E164")),
                "outdial.telephony.sip.trunk.number-format must be e164, digits, 00 or national, not '+E164'");
        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.dial-prefix", "99-1")),
                "outdial.telephony.sip.trunk.dial-prefix must be at most 16 digits, * or #, not '99-1'");
    }

    @Test
    void sipModeBindsWhatIsTyped() {
        SipSettings sip = bind(sip(Map.of("outdial.telephony.sip.listen", "127.0.0.1:5070",
                "outdial.telephony.sip.public-address", "203.0.113.7",
                "outdial.telephony.sip.rtp-ports", "40000-40009",
                "outdial.telephony.sip.trunk.transport", "TCP",
                "outdial.telephony.sip.trunk.username", "outdial",
                "outdial.telephony.sip.trunk.password", "trunk-secret",
                "outdial.telephony.sip.trunk.from-domain", "sip.carrier.example",
                "outdial.telephony.sip.realm", "callcenter",
                "outdial.telephony.sip.keep-alive", "10s"))).sipSettings();
        assertThat(sip.listen()).isEqualTo(new InetSocketAddress("127.0.0.1", 5070));
        assertThat(sip.publicAddress()).isEqualTo("203.0.113.7");
        assertThat(sip.rtpPortFirst()).isEqualTo(40000);
        assertThat(sip.rtpPortLast()).isEqualTo(40009);
        assertThat(sip.transport()).isEqualTo(SipSettings.Transport.TCP);
        assertThat(sip.trunkUsername()).contains("outdial");
        assertThat(sip.trunkPassword()).contains("trunk-secret");
        assertThat(sip.fromDomain()).isEqualTo("sip.carrier.example");
        assertThat(sip.realm()).isEqualTo("callcenter");
        assertThat(sip.keepAlive()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aBackupTrunkTakesCallsAndIsOneTheCarriersCallsMayComeFrom() {
        SipSettings sip = bind(sip(Map.of("outdial.telephony.sip.trunk.backup-address", "127.0.0.2:5070")))
                .sipSettings();
        assertThat(sip.backupTrunk()).contains(new InetSocketAddress("127.0.0.2", 5070));
        assertThat(sip.callersFrom()).extracting(AddressBlock::toString).contains("127.0.0.2/32");
        assertThat(bind(sip(Map.of())).sipSettings().backupTrunk()).isEmpty();
        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.backup-address", "no-such-host.invalid:5060")),
                "outdial.telephony.sip.trunk.backup-address names host 'no-such-host.invalid', which does not resolve");
        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.backup-address", "127.0.0.1:5080")),
                "outdial.telephony.sip.trunk.backup-address is the trunk's own address");
    }

    @Test
    void aCarrierGivenAsAHostNameWithoutAPortIsLookedUpInDnsAsTheAdapterStartsAndOtherwiseNamesItsTrunk() {
        SipSettings domain = bind(sip(Map.of("outdial.telephony.sip.trunk.address", "sip.carrier.invalid")))
                .sipSettings();
        assertThat(domain.trunkDomain()).as("its SRV records are read as the adapter starts").contains(
                "sip.carrier.invalid");
        assertThat(domain.trunk()).isEqualTo(InetSocketAddress.createUnresolved("sip.carrier.invalid", 5060));
        assertThat(domain.callersFrom()).as("the trunks the records name, once read").isEmpty();
        assertThat(domain.fromDomain()).isEqualTo("sip.carrier.invalid");

        assertThat(bind(sip(Map.of("outdial.telephony.sip.trunk.address", "127.0.0.1"))).sipSettings().trunkDomain())
                .as("an IP address").isEmpty();
        assertThat(bind(sip(Map.of("outdial.telephony.sip.trunk.address", "localhost:5080"))).sipSettings()
                .trunkDomain()).as("a port").isEmpty();
        assertThat(bind(sip(Map.of())).sipSettings().trunkDomain()).isEmpty();
    }

    @Test
    void eachLegReportsOverRtcpEveryFiveSecondsUnlessToldOtherwise() {
        assertThat(bind(sip(Map.of())).sipSettings().rtcpInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bind(sip(Map.of("outdial.telephony.sip.rtcp-interval", "20s"))).sipSettings().rtcpInterval())
                .isEqualTo(Duration.ofSeconds(20));
        for (String wrong : new String[] {"0", "500ms", "2m", "-5s"}) {
            assertRefused(sip(Map.of("outdial.telephony.sip.rtcp-interval", wrong)),
                    "outdial.telephony.sip.rtcp-interval must be between 1s and 1m");
        }
    }

    @Test
    void aCallWhoseTrunkSideFallsSilentEndsAfterAMinuteUnlessToldOtherwise() {
        assertThat(bind(sip(Map.of())).sipSettings().mediaTimeout()).contains(Duration.ofSeconds(60));
        assertThat(bind(sip(Map.of("outdial.telephony.sip.media-timeout", "2m"))).sipSettings().mediaTimeout())
                .contains(Duration.ofMinutes(2));
        assertThat(bind(sip(Map.of("outdial.telephony.sip.media-timeout", "0"))).sipSettings().mediaTimeout())
                .as("never").isEmpty();
        for (String wrong : new String[] {"5s", "2h", "-1m"}) {
            assertRefused(sip(Map.of("outdial.telephony.sip.media-timeout", wrong)),
                    "outdial.telephony.sip.media-timeout must be 0 (never) or between 10s and 1h");
        }
    }

    @Test
    void theCarriersAddressesAndTheRegistrationWithItBindAsTyped() {
        SipSettings sip = bind(sip(Map.of(
                "outdial.telephony.sip.trunk.inbound-from", "54.172.60.0/30, 54.244.51.3 2600:1f18:2148:bc00::/56",
                "outdial.telephony.sip.trunk.username", "outdial",
                "outdial.telephony.sip.trunk.password", "trunk-secret",
                "outdial.telephony.sip.trunk.register", "true",
                "outdial.telephony.sip.trunk.register-expires", "1h"))).sipSettings();
        assertThat(sip.callersFrom()).extracting(AddressBlock::toString)
                .containsExactly("54.172.60.0/30", "54.244.51.3/32", "2600:1f18:2148:bc00:0:0:0:0/56");
        assertThat(sip.registration()).contains(Duration.ofHours(1));
    }

    @Test
    void aListeningAddressOtherThanEveryInterfaceIsThePublicOneByDefault() {
        assertThat(bind(sip(Map.of("outdial.telephony.sip.listen", "127.0.0.1:5070"))).sipSettings().publicAddress())
                .isEqualTo("127.0.0.1");
    }

    @Test
    void everyWrongSipSettingStopsTheStartNamingIt() {
        assertRefused(Map.of("outdial.telephony.mode", "sip"), "outdial.telephony.sip.trunk.address is required");
        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.address", "127.0.0.1:99999")),
                "outdial.telephony.sip.trunk.address has port 99999");
        assertRefused(sip(Map.of("outdial.telephony.sip.listen", "127.0.0.1")), "outdial.telephony.sip.listen must be host:port");
        assertRefused(sip(Map.of("outdial.telephony.sip.rtp-ports", "30001-31999")),
                "outdial.telephony.sip.rtp-ports must start on an even port");
        assertRefused(sip(Map.of("outdial.telephony.sip.rtp-ports", "30000-30001")),
                "outdial.telephony.sip.rtp-ports must hold at least");
        assertRefused(sip(Map.of("outdial.telephony.sip.rtp-ports", "80-100")), "outdial.telephony.sip.rtp-ports must lie within");
        assertRefused(sip(Map.of("outdial.telephony.sip.rtp-ports", "many")), "outdial.telephony.sip.rtp-ports must be a range");
        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.transport", "sctp")),
                "outdial.telephony.sip.trunk.transport must be udp, tcp or tls, not 'sctp'");
        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.transport", "tls")),
                "outdial.telephony.sip.trunk.transport tls needs Outdial's certificate: set "
                        + "outdial.telephony.sip.tls.key-store");
        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.username", "outdial")),
                "outdial.telephony.sip.trunk.username and outdial.telephony.sip.trunk.password are given together");
        assertRefused(sip(Map.of("outdial.telephony.sip.public-address", "0.0.0.0")),
                "outdial.telephony.sip.public-address must be an address");
        assertRefused(sip(Map.of("outdial.telephony.sip.public-address", "203.0.113.7:5060")),
                "outdial.telephony.sip.public-address must be a host name or IP address without a port");
        assertRefused(sip(Map.of("outdial.telephony.sip.keep-alive", "0s")), "outdial.telephony.sip.keep-alive must be between");
        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.address", "no-such-host.invalid:5060")),
                "outdial.telephony.sip.trunk.address names host 'no-such-host.invalid', which does not resolve");
        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.inbound-from", "54.172.60.0/30, sip.carrier.example")),
                "outdial.telephony.sip.trunk.inbound-from must list IP addresses or blocks like 192.0.2.0/24: "
                        + "'sip.carrier.example' is not an IP address");
        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.register", "true")),
                "outdial.telephony.sip.trunk.register needs outdial.telephony.sip.trunk.username and "
                        + "outdial.telephony.sip.trunk.password");
        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.register", "true", "outdial.telephony.sip.trunk.username",
                "outdial", "outdial.telephony.sip.trunk.password", "trunk-secret",
                "outdial.telephony.sip.trunk.register-expires", "10s")),
                "outdial.telephony.sip.trunk.register-expires must be between 60s and 1d, not PT10S");
        assertRefused(sip(Map.of("outdial.telephony.sip.trunk.inbound-from", "54.172.60.0/33")),
                "outdial.telephony.sip.trunk.inbound-from must list IP addresses or blocks like 192.0.2.0/24: "
                        + "a prefix of 54.172.60.0 is 0 to 32 bits, not 33");
    }

    private static final String KEY_STORE = "src/test/resources/tls/outdial.p12";

    private static Map<String, String> tls(String... more) {
        Map<String, String> typed = new HashMap<>(Map.of("outdial.telephony.sip.tls.key-store", KEY_STORE,
                "outdial.telephony.sip.tls.key-store-password", "outdial-test"));
        for (int i = 0; i < more.length; i += 2) {
            typed.put(more[i], more[i + 1]);
        }
        return sip(typed);
    }

    @Test
    void sipOverTlsIsOnWithAKeyStoreThatOpensOnPort5061UnlessTold() throws Exception {
        SipSettings sip = bind(tls("outdial.telephony.sip.trunk.transport", "TLS")).sipSettings();

        assertThat(sip.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.port()).isEqualTo(5061);
            assertThat(tls.trusted()).isEmpty();
        });
        assertThat(sip.transport()).isEqualTo(SipSettings.Transport.TLS);
        assertThat(sip.tls().orElseThrow().keyStore().isKeyEntry("outdial")).isTrue();
        assertThat(bind(tls("outdial.telephony.sip.tls.port", "5071")).sipSettings().tls().orElseThrow().port())
                .isEqualTo(5071);
        assertThat(bind(sip(Map.of())).sipSettings().tls()).as("no key store: no TLS").isEmpty();
    }

    @Test
    void aKeyStoreThatCannotServeTlsIsRefusedAtTheStartWithWhy() {
        assertRefused(tls("outdial.telephony.sip.tls.key-store", "/no/such/file.p12"),
                "outdial.telephony.sip.tls.key-store is not a file this server can read: /no/such/file.p12");
        assertRefused(tls("outdial.telephony.sip.tls.key-store-password", "wrong"),
                "outdial.telephony.sip.tls.key-store cannot be opened: a wrong password, or not a PKCS#12 or JKS file");
        assertRefused(tls("outdial.telephony.sip.tls.key-store", "src/test/resources/tls/README.md"),
                "outdial.telephony.sip.tls.key-store is not a PKCS#12 or JKS key store: "
                        + "src/test/resources/tls/README.md");
        assertRefused(tls("outdial.telephony.sip.tls.key-store", "src/test/resources/tls/outdial.pem"),
                "outdial.telephony.sip.tls.key-store is not a PKCS#12 or JKS key store");
        assertRefused(tls("outdial.telephony.sip.tls.port", "5060"),
                "outdial.telephony.sip.tls.port must differ from the port of outdial.telephony.sip.listen (5060)");
        assertRefused(tls("outdial.telephony.sip.tls.port", "70000"),
                "outdial.telephony.sip.tls.port must be a port (1-65535), not 70000");
        assertRefused(sip(Map.of("outdial.telephony.sip.tls.trust-store", KEY_STORE)),
                "outdial.telephony.sip.tls.trust-store is used with Outdial's own certificate");
    }

    private static final String PEM = "src/test/resources/tls/";

    private static Map<String, String> pem(String certificate, String key) {
        return sip(Map.of("outdial.telephony.sip.tls.certificate", PEM + certificate,
                "outdial.telephony.sip.tls.private-key", PEM + key));
    }

    @Test
    void outdialsCertificateMayBeGivenAsThePemFilesACertificateAuthorityHandsOut() throws Exception {
        SipSettings sip = bind(pem("outdial.pem", "outdial-key.pem")).sipSettings();

        KeyStore keys = sip.tls().orElseThrow().keyStore();
        assertThat(keys.isKeyEntry("outdial")).isTrue();
        assertThat(subjectOf(keys)).isEqualTo("CN=Outdial test");
    }

    @Test
    void pemFilesThatCannotServeTlsAreRefusedAtTheStartWithWhatToDo() {
        assertRefused(pem("outdial.pem", "impostor-key.pem"),
                "outdial.telephony.sip.tls.private-key is not the key of the certificate of CN=Outdial test");
        assertRefused(pem("outdial.pem", "outdial-key-sec1.pem"),
                "outdial.telephony.sip.tls.private-key is not a PKCS#8 private key (-----BEGIN PRIVATE KEY-----): "
                        + "convert an RSA or EC one with openssl pkcs8 -topk8 -nocrypt -in");
        assertRefused(pem("outdial-key.pem", "outdial-key.pem"),
                "outdial.telephony.sip.tls.certificate holds no certificate");
        assertRefused(pem("no-such.pem", "outdial-key.pem"),
                "outdial.telephony.sip.tls.certificate is not a file this server can read");
        assertRefused(sip(Map.of("outdial.telephony.sip.tls.certificate", PEM + "outdial.pem")),
                "outdial.telephony.sip.tls.certificate and outdial.telephony.sip.tls.private-key are given together");
        Map<String, String> both = new HashMap<>(pem("outdial.pem", "outdial-key.pem"));
        both.put("outdial.telephony.sip.tls.key-store", KEY_STORE);
        assertRefused(both, "outdial.telephony.sip.tls.key-store and outdial.telephony.sip.tls.certificate are two "
                + "ways to give Outdial's certificate: give one");
    }

    @Test
    void renewedPemFilesAreTakenOnceBothAreWrittenAndAHalfWrittenRenewalIsRefusedOnce(@TempDir Path folder)
            throws Exception {
        Path certificate = Files.copy(Path.of(PEM, "outdial.pem"), folder.resolve("fullchain.pem"));
        Path key = Files.copy(Path.of(PEM, "outdial-key.pem"), folder.resolve("privkey.pem"));
        CertificateRenewal renewal = bind(sip(Map.of("outdial.telephony.sip.tls.certificate", certificate.toString(),
                "outdial.telephony.sip.tls.private-key", key.toString()))).sipSettings().tls().orElseThrow().renewal();
        assertThat(renewal.renewed()).as("the files as they were at the start").isEmpty();

        Files.copy(Path.of(PEM, "renewed.pem"), certificate, StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(renewal::renewed).as("the chain renewed, its key not yet")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not the key of the certificate of CN=Outdial renewed test");
        assertThat(renewal.renewed()).as("told once, while the files stay as they are").isEmpty();

        Files.copy(Path.of(PEM, "renewed-key.pem"), key, StandardCopyOption.REPLACE_EXISTING);
        assertThat(renewal.renewed()).as("both renewed").hasValueSatisfying(keys ->
                assertThat(subjectOf(keys)).isEqualTo("CN=Outdial renewed test"));
        assertThat(renewal.renewed()).as("taken once").isEmpty();
    }

    @Test
    void aRenewedKeyStoreIsTakenAndOneThatCannotBeOpenedIsRefused(@TempDir Path folder) throws Exception {
        Path store = Files.copy(Path.of(KEY_STORE), folder.resolve("outdial.p12"));
        CertificateRenewal renewal = bind(tls("outdial.telephony.sip.tls.key-store", store.toString()))
                .sipSettings().tls().orElseThrow().renewal();

        Files.copy(Path.of(PEM, "README.md"), store, StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(renewal::renewed).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outdial.telephony.sip.tls.key-store is not a PKCS#12 or JKS key store");
        Files.delete(store);
        assertThatThrownBy(renewal::renewed).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outdial.telephony.sip.tls.key-store is not a file this server can read");

        KeyStore renewed = PemKeyStore.load(PEM + "renewed.pem", PEM + "renewed-key.pem");
        KeyStore withPassword = KeyStore.getInstance("PKCS12");
        withPassword.load(null, null);
        withPassword.setKeyEntry("outdial", renewed.getKey("outdial", PemKeyStore.PASSWORD),
                "outdial-test".toCharArray(), renewed.getCertificateChain("outdial"));
        try (OutputStream out = Files.newOutputStream(store)) {
            withPassword.store(out, "outdial-test".toCharArray());
        }
        assertThat(renewal.renewed()).hasValueSatisfying(keys ->
                assertThat(subjectOf(keys)).isEqualTo("CN=Outdial renewed test"));
    }

    private static String subjectOf(KeyStore keys) {
        try {
            return ((X509Certificate) keys.getCertificate("outdial")).getSubjectX500Principal().getName();
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theRealmIsCheckedInBothModes() {
        assertRefused(Map.of("outdial.telephony.sip.realm", "bad realm"), "outdial.telephony.sip.realm must be 1 to 64");
    }

    private static Map<String, String> sip(Map<String, String> more) {
        Map<String, String> typed = new HashMap<>(Map.of("outdial.telephony.mode", "sip",
                "outdial.telephony.sip.trunk.address", "127.0.0.1:5080"));
        typed.putAll(more);
        return typed;
    }

    private static TelephonyProperties bind(Map<String, String> typed) {
        return new Binder(new MapConfigurationPropertySource(typed))
                .bindOrCreate("outdial.telephony", TelephonyProperties.class);
    }

    private static void assertRefused(Map<String, String> typed, String message) {
        assertThatThrownBy(() -> bind(typed)).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
