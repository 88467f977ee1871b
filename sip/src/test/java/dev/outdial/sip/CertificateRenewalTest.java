package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outdial's certificate renewed while it runs: a phone's or a carrier's next handshake is shown the renewed one, a
 * connection already open goes on, and files that changed into something unusable leave the one shown in place.
 */
class CertificateRenewalTest {

    private static final char[] PASSWORD = TestSip.TLS_PASSWORD;

    /** What the files hold when next asked: a renewed store, or why the change cannot be used. */
    private final ConcurrentLinkedQueue<Object> changes = new ConcurrentLinkedQueue<>();
    private final int tlsPort = Ports.free();
    private SipTelephony telephony;

    @BeforeEach
    void start() throws Exception {
        CertificateRenewal renewal = () -> switch (changes.poll()) {
            case null -> Optional.empty();
            case KeyStore renewed -> Optional.of(renewed);
            case String why -> throw new IllegalArgumentException(why);
            default -> throw new IllegalStateException();
        };
        SipTls tls = new SipTls(tlsPort, TestSip.tlsStore("outdial.p12"), PASSWORD, Optional.empty(), renewal);
        telephony = new SipTelephony(TestSip.settingsOverTls(Ports.free(), Ports.free(), tls),
                username -> Optional.empty(), uri -> Optional.empty(), ignored -> new FakeMedia(), TestSip.T1);
        telephony.checkCertificateEvery(Duration.ofMillis(20));
        telephony.start();
    }

    @AfterEach
    void close() {
        telephony.close();
    }

    @Test
    void theNextHandshakeShowsTheRenewedCertificateWhileAConnectionOpenBeforeGoesOn() throws Exception {
        TlsCertificateStatus started = telephony.tlsCertificate().orElseThrow();
        assertThat(started.subject()).isEqualTo("CN=Outdial test");
        assertThat(started.renewalProblem()).isEmpty();

        try (Handshake before = new Handshake(tlsPort)) {
            assertThat(before.shown()).isEqualTo("CN=Outdial test");
            assertThat(before.options(1)).as("asked before the renewal").isEqualTo("SIP/2.0 200 OK");

            changes.add(TestSip.tlsStore("carrier.p12"));
            Await.until("the renewed certificate to be shown",
                    () -> telephony.tlsCertificate().orElseThrow().subject().equals("CN=Carrier test"));

            try (Handshake after = new Handshake(tlsPort)) {
                assertThat(after.shown()).as("a new connection's handshake").isEqualTo("CN=Carrier test");
            }
            assertThat(before.options(2)).as("the connection open before, after the renewal")
                    .isEqualTo("SIP/2.0 200 OK");
        }
        TlsCertificateStatus renewed = telephony.tlsCertificate().orElseThrow();
        assertThat(renewed.shownSince()).isAfterOrEqualTo(started.shownSince());
        assertThat(renewed.renewalProblem()).isEmpty();
    }

    @Test
    void filesChangedIntoSomethingUnusableLeaveTheCertificateShownAndSayWhy() throws Exception {
        changes.add("tls.private-key does not belong to the certificate of tls.certificate");
        Await.until("the change to be refused",
                () -> telephony.tlsCertificate().orElseThrow().renewalProblem().isPresent());

        TlsCertificateStatus refused = telephony.tlsCertificate().orElseThrow();
        assertThat(refused.subject()).isEqualTo("CN=Outdial test");
        assertThat(refused.renewalProblem()).contains(
                "tls.private-key does not belong to the certificate of tls.certificate");
        try (Handshake next = new Handshake(tlsPort)) {
            assertThat(next.shown()).isEqualTo("CN=Outdial test");
        }

        KeyStore wrongPassword = KeyStore.getInstance("PKCS12");
        wrongPassword.load(null, null);
        wrongPassword.setKeyEntry("other", TestSip.tlsStore("carrier.p12").getKey("carrier", PASSWORD),
                "another password".toCharArray(), TestSip.tlsStore("carrier.p12").getCertificateChain("carrier"));
        changes.add(wrongPassword);
        Await.until("a store its password does not open to be refused", () -> telephony.tlsCertificate()
                .orElseThrow().renewalProblem().filter(why -> !why.contains("does not belong")).isPresent());
        try (Handshake next = new Handshake(tlsPort)) {
            assertThat(next.shown()).isEqualTo("CN=Outdial test");
        }

        changes.add(TestSip.tlsStore("carrier.p12"));
        Await.until("the mended files to be taken",
                () -> telephony.tlsCertificate().orElseThrow().renewalProblem().isEmpty());
        assertThat(telephony.tlsCertificate().orElseThrow().subject()).isEqualTo("CN=Carrier test");
    }

    @Test
    void withoutTlsThereIsNoCertificate() {
        try (SipTelephony plain = new SipTelephony(TestSip.settings(Ports.free(), Ports.free()),
                username -> Optional.empty(), uri -> Optional.empty(), ignored -> new FakeMedia(), TestSip.T1)) {
            plain.start();
            assertThat(plain.tlsCertificate()).isEmpty();
        }
    }

    /** A TLS connection to Outdial made with a context of its own, so its session is never one resumed. */
    private static final class Handshake implements AutoCloseable {

        private final AtomicReference<X509Certificate> shown = new AtomicReference<>();
        private final SSLSocket socket;
        private final BufferedReader in;

        Handshake(int port) throws Exception {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new Recording()}, null);
            socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
            socket.startHandshake();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        String shown() {
            return shown.get().getSubjectX500Principal().getName();
        }

        /** Outdial's answer to an OPTIONS sent on this connection, its status line. */
        String options(int cseq) throws Exception {
            int local = socket.getLocalPort();
            String request = "OPTIONS sip:outdial@127.0.0.1;transport=tls SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.1:" + local + ";branch=z9hG4bK-renewal-" + cseq + "\r\n"
                    + "From: <sip:phone@127.0.0.1>;tag=phone\r\nTo: <sip:outdial@127.0.0.1>\r\n"
                    + "Call-ID: renewal-" + cseq + "@127.0.0.1\r\nCSeq: " + cseq + " OPTIONS\r\n"
                    + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            List<String> answer = SipStream.read(in);
            return answer == null ? "connection closed" : answer.getFirst();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }

        private final class Recording implements X509TrustManager {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                shown.set(chain[0]);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }
    }
}
