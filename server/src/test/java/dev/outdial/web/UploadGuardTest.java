package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * An upload is judged on its headers: the test declares a body of 300 MB and never sends it, so
 * any answer at all proves the server did not read the body before deciding.
 */
@OutdialIntegrationTest
class UploadGuardTest {

    private static final long THREE_HUNDRED_MB = 300L * 1024 * 1024;
    private static final String BOUNDARY = "guard-test";

    @Autowired
    Api api;

    @Autowired
    Environment environment;

    TestBusiness business;
    long campaign;

    @BeforeEach
    void aCampaign() {
        business = api.newBusiness("uploads");
        campaign = new CampaignFixtures(business).create("Uploads", "PREVIEW");
    }

    @Test
    void anAgentsUploadIsRefusedBeforeItsBodyIsRead() throws IOException {
        TestBusiness.Person agent = business.agent("uploader");
        try (Upload upload = Upload.start(port(), "/api/v1/campaigns/" + campaign + "/imports", agent.email(),
                "person-password", THREE_HUNDRED_MB)) {
            assertThat(upload.statusLine()).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void anAdminsOversizedUploadIsRefusedBeforeItsBodyIsReadWithTheImportsMessage() throws IOException {
        try (Upload upload = Upload.start(port(), "/api/v1/campaigns/" + campaign + "/imports",
                "admin@" + business.domain(), "admin-password", THREE_HUNDRED_MB)) {
            assertThat(upload.statusLine()).startsWith("HTTP/1.1 400");
            assertThat(upload.rest()).contains("\"field\":\"file\"").contains("50 MB");
        }
        try (Upload audio = Upload.start(port(), "/api/v1/audio?name=Big", "admin@" + business.domain(),
                "admin-password", 20L * 1024 * 1024)) {
            assertThat(audio.statusLine()).startsWith("HTTP/1.1 400");
            assertThat(audio.rest()).contains("\"field\":\"file\"").contains("10 MB");
        }
    }

    @Test
    void aBusinessRunsTwoUploadsAtOnceAndTheThirdIsToldToRetry() throws IOException {
        List<Upload> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                uploads.add(Upload.start(port(), "/api/v1/campaigns/" + campaign + "/imports",
                        "admin@" + business.domain(), "admin-password", 1024 * 1024));
            }
            Upload refused = Upload.firstAnswered(uploads, Duration.ofSeconds(30));
            assertThat(refused.statusLine()).startsWith("HTTP/1.1 429");
            assertThat(refused.rest()).containsIgnoringCase("Retry-After: 10");

            uploads.remove(refused);
            refused.close();
            for (Upload running : uploads) {
                running.finishBody();
                assertThat(running.statusLine()).doesNotStartWith("HTTP/1.1 429").doesNotStartWith("HTTP/1.1 5");
            }
            try (Upload afterwards = Upload.start(port(), "/api/v1/campaigns/" + campaign + "/imports",
                    "admin@" + business.domain(), "admin-password", 4096)) {
                afterwards.finishBody();
                assertThat(afterwards.statusLine()).doesNotStartWith("HTTP/1.1 429");
            }
        } finally {
            for (Upload upload : uploads) {
                upload.close();
            }
        }
    }

    private int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }

    /** A multipart POST over a raw socket: headers declaring {@code length} bytes, then only what the test sends. */
    private static final class Upload implements AutoCloseable {

        private final Socket socket;
        private final long length;
        private final byte[] head;
        private String answer;

        private Upload(Socket socket, long length, byte[] head) {
            this.socket = socket;
            this.length = length;
            this.head = head;
        }

        static Upload start(int port, String path, String user, String password, long length) throws IOException {
            Socket socket = new Socket("localhost", port);
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            String headers = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nAccept: application/json\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                    + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            out.flush();
            return new Upload(socket, length, head);
        }

        /** Sends the rest of the declared body (a CSV padded with spaces) and waits for the answer. */
        void finishBody() throws IOException {
            byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
            long content = length - head.length - tail.length;
            OutputStream out = socket.getOutputStream();
            byte[] csv = "phone\n0912345678\n".getBytes(StandardCharsets.UTF_8);
            out.write(csv, 0, (int) Math.min(csv.length, content));
            byte[] spaces = new byte[64 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long left = content - csv.length; left > 0; left -= spaces.length) {
                out.write(spaces, 0, (int) Math.min(spaces.length, left));
            }
            out.write(tail);
            out.flush();
            socket.setSoTimeout(60_000);
            read();
        }

        static Upload firstAnswered(List<Upload> uploads, Duration patience) throws IOException {
            Instant deadline = Instant.now().plus(patience);
            while (Instant.now().isBefore(deadline)) {
                for (Upload upload : uploads) {
                    if (upload.answered()) {
                        return upload;
                    }
                }
            }
            throw new AssertionError("no upload was answered within " + patience);
        }

        private boolean answered() throws IOException {
            if (answer != null) {
                return true;
            }
            socket.setSoTimeout(50);
            InputStream in = socket.getInputStream();
            int first;
            try {
                first = in.read();
            } catch (SocketTimeoutException notYet) {
                return false;
            }
            if (first < 0) {
                throw new AssertionError("the server closed the connection without an answer");
            }
            socket.setSoTimeout(30_000);
            answer = (char) first + readResponse(in);
            return true;
        }

        /**
         * The head and the body of its Content-Length. Not to the end of the stream: the server
         * keeps the connection a while to drain the body it refused, which the test never sends.
         */
        private static String readResponse(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    return head.toString();
                }
                head.append((char) c);
            }
            int length = head.toString().lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                    .map(line -> Integer.parseInt(line.substring("content-length:".length()).strip()))
                    .findFirst().orElse(0);
            return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        private void read() throws IOException {
            if (answer == null) {
                answer = readResponse(socket.getInputStream());
            }
        }

        String statusLine() throws IOException {
            socket.setSoTimeout(30_000);
            read();
            return answer.lines().findFirst().orElse("");
        }

        String rest() throws IOException {
            read();
            return answer;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
