package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallEvent.HungUp.Cause;
import dev.outdial.engine.port.CallId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A trunk reached over TLS: a carrier on loopback (a TLS server socket with a certificate of its own, answering SIP
 * as a carrier's edge would, and bringing a caller over a TLS connection of its own to Outdial's TLS port) and
 * Outdial, which trusts the carrier's certificate authority (here the carrier's self-signed certificate, in
 * {@code carriers-trusted.p12}) and checks the certificate names the carrier.
 */
class TlsTrunkTest {

    private static final char[] PASSWORD = TestSip.TLS_PASSWORD;

    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable each : opened) {
            each.close();
        }
    }

    private SipTelephony telephony;

    private final int tlsPort = Ports.free();

    private void outdialTrusting(TlsCarrier carrier) throws Exception {
        SipTls tls = new SipTls(tlsPort, TestSip.tlsStore("outdial.p12"), PASSWORD,
                Optional.of(TestSip.tlsStore("carriers-trusted.p12")));
        telephony = new SipTelephony(TestSip.settingsOverTls(Ports.free(), carrier.port(), tls),
                username -> Optional.empty(), uri -> Optional.empty(), ignored -> new FakeMedia(), TestSip.T1);
        opened.add(telephony);
        telephony.start();
    }

    /** How Outdial's call to {@code carrier} through a trunk reached over TLS ended. */
    private CallResult calledThrough(TlsCarrier carrier) throws Exception {
        outdialTrusting(carrier);
        CallEvents events = new CallEvents();
        telephony.place(new CallId("call"), "+4930999000", "+4930555123", Duration.ofSeconds(60), events);
        return events.next(CallEvent.Failed.class).reason();
    }

    @Test
    void aTrunkReachedOverTlsIsCalledOnAConnectionItsCertificateProvesIsTheCarriers() throws Exception {
        TlsCarrier carrier = new TlsCarrier("carrier.p12");

        assertThat(calledThrough(carrier)).as("the carrier's 486, heard").isEqualTo(CallResult.BUSY);
        List<String> invite = carrier.next("INVITE");
        assertThat(invite.getFirst())
                .startsWith("INVITE sip:+4930555123@127.0.0.1:" + carrier.port() + ";transport=tls ");
        assertThat(invite).anyMatch(line -> line.startsWith("Via: SIP/2.0/TLS 127.0.0.1:"))
                .anyMatch(line -> line.startsWith("Contact: <sip:outdial@127.0.0.1:")
                        && line.contains("transport=tls"));
        assertThat(carrier.next("ACK").getFirst()).as("the ACK of the 486, on the same connection").startsWith("ACK ");
        carrier.next("OPTIONS");
        Await.until("the trunk's keep-alive to be answered",
                () -> telephony.trunkStatus().state() == TrunkStatus.State.UP);
    }

    @Test
    void aCarrierWhoseCertificateDoesNotNameItIsToldNothing() throws Exception {
        // Vouched for like the carrier's (both in carriers-trusted.p12), but for impostor.invalid, not 127.0.0.1.
        TlsCarrier impostor = new TlsCarrier("impostor.p12");

        assertThat(calledThrough(impostor)).as("the network's fault: not an attempt")
                .isEqualTo(CallResult.NETWORK_ERROR);
        // the impostor's side learns of the refusal on its own thread, maybe after Outdial's call has failed
        Await.until("the impostor's handshake to be refused", () -> impostor.handshakesRefused.get() > 0);
        Await.until("the trunk's keep-alive to fail", () -> telephony.trunkStatus().state() == TrunkStatus.State.DOWN);
        assertThat(telephony.trunkStatus().detail()).as("why, for the Hotlines page")
                .contains("does not name the carrier (127.0.0.1)");
        assertThat(impostor.requests).as("not one request handed to it").isEmpty();
    }

    @Test
    void aCarrierThatAsksWhoCallsIsShownOutdialsCertificate() throws Exception {
        // mutual TLS: the carrier's edge takes only the connections of certificates it knows
        TlsCarrier carrier = new TlsCarrier("carrier.p12", true);

        assertThat(calledThrough(carrier)).as("the carrier's 486, heard").isEqualTo(CallResult.BUSY);
        assertThat(carrier.callersShown).as("what Outdial's connections were shown as").isNotEmpty()
                .containsOnly("CN=Outdial test");
    }

    @Test
    void aCallerTheCarrierBringsOverTlsIsAnsweredOnItsConnectionWithOutdialsTlsContact() throws Exception {
        TlsCarrier carrier = new TlsCarrier("carrier.p12");
        outdialTrusting(carrier);
        BlockingQueue<IncomingCall> offered = new LinkedBlockingQueue<>();
        telephony.receiveCalls(offered::add);
        CallEvents events = new CallEvents();

        try (SSLSocket toOutdial = carrier.connectTo(tlsPort)) {
            OutputStream out = toOutdial.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(toOutdial.getInputStream(),
                    StandardCharsets.UTF_8));
            out.write(CALL_IN.getBytes(StandardCharsets.UTF_8));
            IncomingCall call = offered.poll(15, TimeUnit.SECONDS);
            assertThat(call).as("the call offered").isNotNull();
            assertThat(call.callerNumber()).isEqualTo("+4930999000");
            CallId leg = call.accept(events);

            List<String> answer = SipStream.read(in);
            while (answer.getFirst().startsWith("SIP/2.0 1")) {
                answer = SipStream.read(in);
            }
            assertThat(answer.getFirst()).isEqualTo("SIP/2.0 200 OK");
            assertThat(answer).contains("Contact: <sip:outdial@127.0.0.1:" + tlsPort + ";transport=tls>");
            String to = answer.stream().filter(line -> line.startsWith("To: ")).findFirst().orElseThrow();
            out.write(inDialog("ACK", 1, to).getBytes(StandardCharsets.UTF_8));
            out.write(inDialog("BYE", 2, to).getBytes(StandardCharsets.UTF_8));

            assertThat(SipStream.read(in).getFirst()).as("the BYE answered").isEqualTo("SIP/2.0 200 OK");
            assertThat(events.next(CallEvent.HungUp.class)).isEqualTo(new CallEvent.HungUp(leg, Cause.FAR_END));
        }
    }

    private static final String CALL_ID = "tls-call-in@127.0.0.1";
    private static final String CALLER = "From: <sip:+4930999000@127.0.0.1>;tag=carrier";
    private static final String OFFER = "v=0\r\no=carrier 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 9 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
    private static final String CALL_IN = "INVITE sip:+4928730000@127.0.0.1;transport=tls SIP/2.0\r\n"
            + "Via: SIP/2.0/TLS 127.0.0.1:5061;branch=z9hG4bK-tls-in-1\r\n" + CALLER + "\r\n"
            + "To: <sip:+4928730000@127.0.0.1>\r\nCall-ID: " + CALL_ID + "\r\nCSeq: 1 INVITE\r\n"
            + "Contact: <sip:carrier@127.0.0.1:5061;transport=tls>\r\nMax-Forwards: 70\r\n"
            + "Content-Type: application/sdp\r\nContent-Length: " + OFFER.length() + "\r\n\r\n" + OFFER;

    /** The caller's {@code method}, the {@code cseq}th of its side, in the call Outdial answered {@code to}. */
    private static String inDialog(String method, int cseq, String to) {
        return method + " sip:outdial@127.0.0.1;transport=tls SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS 127.0.0.1:5061;branch=z9hG4bK-tls-in-" + method + "\r\n" + CALLER + "\r\n"
                + to + "\r\nCall-ID: " + CALL_ID + "\r\nCSeq: " + cseq + " " + method + "\r\n"
                + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }

    /**
     * A carrier's edge over TLS: answers OPTIONS 200 and INVITEs 486, and keeps each request it was sent (its lines);
     * and calls Outdial over a connection of its own ({@link #connectTo}).
     */
    private final class TlsCarrier {
        private final SSLServerSocket server;
        private final BlockingQueue<List<String>> requests = new LinkedBlockingQueue<>();
        private final AtomicInteger handshakesRefused = new AtomicInteger();
        /** The subjects of the certificates Outdial's connections showed, where the carrier asks for them. */
        private final List<String> callersShown = new CopyOnWriteArrayList<>();

        TlsCarrier(String keyStore) throws Exception {
            this(keyStore, false);
        }

        /** @param asksWhoCalls whether each connection must show a certificate (mutual TLS), Outdial's test one */
        TlsCarrier(String keyStore, boolean asksWhoCalls) throws Exception {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(TestSip.tlsStore(keyStore), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), new TrustManager[] {new TrustingOutdial(callersShown)}, null);
            server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                    InetAddress.getLoopbackAddress());
            server.setNeedClientAuth(asksWhoCalls);
            opened.add(server);
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        /** A connection to Outdial's TLS port, as the carrier's edge opens one to bring a call. */
        SSLSocket connectTo(int outdialPort) throws Exception {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingOutdial(new ArrayList<>())}, null);
            return (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), outdialPort);
        }

        /** The next request of {@code method}, others skipped. */
        List<String> next(String method) throws InterruptedException {
            while (true) {
                List<String> request = requests.poll(15, TimeUnit.SECONDS);
                assertThat(request).as("a %s", method).isNotNull();
                if (request.getFirst().startsWith(method + " ")) {
                    return request;
                }
            }
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    SSLSocket connection = (SSLSocket) server.accept();
                    opened.add(connection);
                    Thread.ofVirtual().start(() -> serve(connection));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(SSLSocket connection) {
            try {
                connection.startHandshake();
            } catch (IOException refused) {
                handshakesRefused.incrementAndGet();
                return;
            }
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.UTF_8));
                OutputStream out = connection.getOutputStream();
                List<String> request;
                while ((request = SipStream.read(in)) != null) {
                    requests.add(request);
                    String method = request.getFirst().split(" ")[0];
                    if (method.equals("OPTIONS") || method.equals("INVITE")) {
                        out.write(response(request, method.equals("INVITE") ? "486 Busy Here" : "200 OK"));
                        out.flush();
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private static byte[] response(List<String> request, String status) {
            StringBuilder response = new StringBuilder("SIP/2.0 ").append(status).append("\r\n");
            for (String header : request) {
                String name = header.toLowerCase();
                if (name.startsWith("via:") || name.startsWith("from:") || name.startsWith("call-id:")
                        || name.startsWith("cseq:")) {
                    response.append(header).append("\r\n");
                } else if (name.startsWith("to:")) {
                    response.append(header).append(header.contains(";tag=") ? "" : ";tag=carrier").append("\r\n");
                }
            }
            return response.append("Content-Length: 0\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * The carrier's side trusts Outdial's test certificate, as a server's and as a client's (noting the subjects it
     * is shown): what is tested here is how Outdial serves TLS.
     */
    private record TrustingOutdial(List<String> shown) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            String subject = chain[0].getSubjectX500Principal().getName();
            shown.add(subject);
            if (!subject.equals("CN=Outdial test")) {
                throw new CertificateException("not Outdial's test certificate");
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
