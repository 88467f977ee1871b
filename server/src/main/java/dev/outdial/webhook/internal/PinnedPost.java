package dev.outdial.webhook.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to an address already checked, whatever the URL's host resolves to by now: the
 * socket connects to {@code address}, while {@code Host}, TLS's server name and the certificate
 * check use the URL's host. Plain HTTP/1.1 with {@code Connection: close}, never an {@code Upgrade:
 * h2c} offer; only the status line of the answer is read.
 */
final class PinnedPost {

    private PinnedPost() {
    }

    /** The receiver's status code; TLS trusts what the JVM trusts. */
    static int send(URI url, InetAddress address, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        return send(url, address, headers, body, timeout, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    static int send(URI url, InetAddress address, Map<String, String> headers, byte[] body, Duration timeout,
                    SSLSocketFactory tls) throws IOException {
        boolean secure = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : secure ? 443 : 80;
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            if (secure) {
                SSLSocket secured = (SSLSocket) tls.createSocket(socket, url.getHost(), port, true);
                SSLParameters parameters = secured.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secured.setSSLParameters(parameters);
                secured.startHandshake();
                socket = secured;
            }
            OutputStream out = socket.getOutputStream();
            out.write(head(url, port, secure, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return statusCode(new BufferedInputStream(socket.getInputStream()));
        } finally {
            socket.close();
        }
    }

    private static String head(URI url, int port, boolean tls, Map<String, String> headers, int length) {
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String host = url.getHost().contains(":") && !url.getHost().startsWith("[") ? "[" + url.getHost() + "]"
                : url.getHost();
        boolean defaultPort = port == (tls ? 443 : 80);
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    /** The code of a status line such as {@code HTTP/1.1 204 No Content}. */
    private static int statusCode(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || line.size() > 1_000) {
                throw new IOException("No HTTP status line in the answer");
            }
            line.write(b);
        }
        String[] parts = line.toString(StandardCharsets.ISO_8859_1).strip().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new IOException("Not an HTTP status line: " + line.toString(StandardCharsets.ISO_8859_1).strip());
        }
        return Integer.parseInt(parts[1]);
    }
}
