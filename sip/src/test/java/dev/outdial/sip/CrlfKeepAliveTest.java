package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A phone over TCP or TLS keeps its connection (and its router's mapping) alive with a double CRLF, and takes the
 * connection for dead unless it is answered with a single one (RFC 5626 §4.4.1; Linphone, Zoiper and Bria do).
 */
class CrlfKeepAliveTest {

    private final int sipPort = Ports.free();
    private final int tlsPort = Ports.free();
    private SipTelephony telephony;

    @BeforeEach
    void start() throws Exception {
        SipTls tls = new SipTls(tlsPort, TestSip.tlsStore("outdial.p12"), TestSip.TLS_PASSWORD, Optional.empty(),
                Optional::empty);
        telephony = new SipTelephony(TestSip.settingsOverTls(sipPort, Ports.free(), tls),
                username -> Optional.empty(), uri -> Optional.empty(), ignored -> new FakeMedia(), TestSip.T1);
        telephony.start();
    }

    @AfterEach
    void close() {
        telephony.close();
    }

    @Test
    void aDoubleCrlfOverTcpIsAnsweredWithASingleOne() throws Exception {
        try (Socket phone = new Socket(InetAddress.getLoopbackAddress(), sipPort)) {
            assertThat(options(phone, "TCP")).isEqualTo("SIP/2.0 200 OK");
            assertThat(pong(phone)).isEqualTo("\r\n");
            assertThat(pong(phone)).as("every time").isEqualTo("\r\n");
        }
    }

    @Test
    void aDoubleCrlfOverTlsIsAnsweredWithASingleOne() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustingAll()}, null);
        try (Socket phone = context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), tlsPort)) {
            assertThat(options(phone, "TLS")).isEqualTo("SIP/2.0 200 OK");
            assertThat(pong(phone)).isEqualTo("\r\n");
            assertThat(pong(phone)).as("every time").isEqualTo("\r\n");
        }
    }

    /** Outdial's answer to an OPTIONS sent on the connection, its status line. */
    private static String options(Socket phone, String transport) throws Exception {
        phone.setSoTimeout(5_000);
        String request = "OPTIONS sip:outdial@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + phone.getLocalPort() + ";branch=z9hG4bK-crlf\r\n"
                + "From: <sip:phone@127.0.0.1>;tag=phone\r\nTo: <sip:outdial@127.0.0.1>\r\n"
                + "Call-ID: crlf@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        phone.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        List<String> answer = SipStream.read(new BufferedReader(new InputStreamReader(phone.getInputStream(),
                StandardCharsets.UTF_8)));
        return answer == null ? "connection closed" : answer.getFirst();
    }

    /** What the ping is answered with: its first two bytes. */
    private static String pong(Socket phone) throws Exception {
        phone.setSoTimeout(5_000);
        phone.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        phone.getOutputStream().flush();
        InputStream in = phone.getInputStream();
        return new String(in.readNBytes(2), StandardCharsets.US_ASCII);
    }

    private static final class TrustingAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
