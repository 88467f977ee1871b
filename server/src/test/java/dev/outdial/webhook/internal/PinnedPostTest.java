package dev.outdial.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 (SSRF, DNS rebinding): an https delivery goes to the address checked, whatever the host
 * resolves to, while TLS still checks the certificate against the URL's host name.
 */
class PinnedPostTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path keys;

    HttpsServer receiver;
    SSLContext trusting;
    final List<String> hosts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aReceiverWithACertificateForReceiverTest() throws Exception {
        Path keystore = keys.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-dname", "CN=receiver.test",
                "-ext", "SAN=dns:receiver.test", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD);
        SSLContext serving = SSLContext.getInstance("TLS");
        serving.init(keyManagers.getKeyManagers(), null, null);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(store);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trustManagers.getTrustManagers(), null);

        receiver = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setHttpsConfigurator(new HttpsConfigurator(serving));
        receiver.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host") + " " + exchange.getRequestURI());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void theCheckedAddressIsDialedAndTheCertificateCheckedAgainstTheUrlsHost() throws IOException {
        int port = receiver.getAddress().getPort();
        // receiver.test resolves nowhere: the socket goes to the address given, TLS speaks to receiver.test.
        int status = PinnedPost.send(URI.create("https://receiver.test:" + port + "/hook?x=1"),
                InetAddress.getLoopbackAddress(), Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5), trusting.getSocketFactory());

        assertThat(status).isEqualTo(204);
        assertThat(hosts).containsExactly("receiver.test:" + port + " /hook?x=1");
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        int port = receiver.getAddress().getPort();

        assertThatThrownBy(() -> PinnedPost.send(URI.create("https://elsewhere.test:" + port + "/hook"),
                InetAddress.getLoopbackAddress(), Map.of(), new byte[0], Duration.ofSeconds(5),
                trusting.getSocketFactory())).isInstanceOf(SSLHandshakeException.class);
        assertThat(hosts).isEmpty();
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        int port = receiver.getAddress().getPort();

        assertThatThrownBy(() -> PinnedPost.send(URI.create("https://receiver.test:" + port + "/hook"),
                InetAddress.getLoopbackAddress(), Map.of(), new byte[0], Duration.ofSeconds(5)))
                .isInstanceOf(SSLHandshakeException.class);
    }
}
