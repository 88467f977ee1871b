package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A trunk reached over TLS: a carrier on loopback (a TLS server socket with a certificate of its own, answering SIP
 * as a carrier's edge would) and Outdial, which trusts the carrier's certificate authority (here the carrier's
 * self-signed certificate, in {@code carriers-trusted.p12}) and checks the certificate names the carrier.
 */
class TlsTrunkTest {

    private static final char[] PASSWORD = "outdial-test".toCharArray();

    private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable each : opened) {
            each.close();
        }
    }

    private static KeyStore store(String name) throws Exception {
        try (InputStream in = TlsTrunkTest.class.getResourceAsStream("/tls/" + name)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        }
    }

    private SipTelephony telephony;

    /** How Outdial's call to {@code carrier} through a trunk reached over TLS ended. */
    private CallResult calledThrough(TlsCarrier carrier) throws Exception {
        SipTls tls = new SipTls(Ports.free(), store("outdial.p12"), PASSWORD,
                Optional.of(store("carriers-trusted.p12")));
        telephony = new SipTelephony(TestSip.settingsOverTls(Ports.free(), carrier.port(), tls),
                username -> Optional.empty(), uri -> Optional.empty(), ignored -> new FakeMedia(), TestSip.T1);
        opened.add(telephony);
        telephony.start();
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
        assertThat(impostor.requests).as("not one request handed to it").isEmpty();
        assertThat(impostor.handshakesRefused).isPositive();
        Await.until("the trunk's keep-alive to fail", () -> telephony.trunkStatus().state() == TrunkStatus.State.DOWN);
        assertThat(telephony.trunkStatus().detail()).as("why, for the Hotlines page")
                .contains("does not name the carrier (127.0.0.1)");
    }

    /**
     * A carrier's edge over TLS: answers OPTIONS 200 and INVITEs 486, and keeps each request it was sent (its lines).
     */
    private final class TlsCarrier {
        private final SSLServerSocket server;
        private final BlockingQueue<List<String>> requests = new LinkedBlockingQueue<>();
        private volatile int handshakesRefused;

        TlsCarrier(String keyStore) throws Exception {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store(keyStore), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                    InetAddress.getLoopbackAddress());
            opened.add(server);
            Thread.ofVirtual().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
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
                handshakesRefused++;
                return;
            }
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.UTF_8));
                OutputStream out = connection.getOutputStream();
                List<String> request;
                while ((request = read(in)) != null) {
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

        /** One request's lines (its body skipped), or null at the connection's end. */
        private static List<String> read(BufferedReader in) throws IOException {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null && !(line.isEmpty() && !lines.isEmpty())) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            if (line == null) {
                return null;
            }
            int length = lines.stream().filter(header -> header.toLowerCase().startsWith("content-length:"))
                    .map(header -> Integer.parseInt(header.substring(header.indexOf(':') + 1).trim()))
                    .findFirst().orElse(0);
            in.skip(length);
            return lines;
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
}
