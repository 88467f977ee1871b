package dev.outdial.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the running test server: every request goes through the real security
 * filters, converters and error handling, as a customer's integration would.
 */
@TestComponent
public class Api {

    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "operator-test-password";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<String> baseUrl;

    @Autowired
    Api(Environment environment) {
        this.baseUrl = () -> "http://localhost:" + environment.getProperty("local.server.port");
    }

    private Api(String baseUrl) {
        this.baseUrl = () -> baseUrl;
    }

    /** A client of a server the test started by itself (e.g. in a process of its own). */
    public static Api at(String baseUrl) {
        return new Api(baseUrl);
    }

    public String baseUrl() {
        return baseUrl.get();
    }

    public Client as(String username, String password) {
        return new Client(username, password);
    }

    public Client anonymous() {
        return new Client(null, null);
    }

    public Client operator() {
        return as(OPERATOR, OPERATOR_PASSWORD);
    }

    /** A new business with a unique name and its first admin, made by the operator. */
    public TestBusiness newBusiness(String label) {
        return newBusiness(label, 10);
    }

    /** A new business whose contract allows {@code concurrentCallLimit} calls at once. */
    public TestBusiness newBusiness(String label, int concurrentCallLimit) {
        String unique = label + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin@" + unique.toLowerCase() + ".test";
        Response created = operator().post("/api/v1/businesses", Map.of(
                "name", unique, "timeZone", "Asia/Ho_Chi_Minh", "defaultCountry", "VN", "concurrentCallLimit", concurrentCallLimit,
                "admin", Map.of("email", email, "password", "admin-password", "name", "Admin of " + unique)));
        created.expect(201);
        return new TestBusiness(this, created.json().get("id").asLong(), unique, as(email, "admin-password"));
    }

    public static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    /** The JSON tree of a value, to compare what was sent with what came back. */
    public static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    /** A JSON object as a map that a test can change and send again. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mutable(JsonNode object) {
        return new java.util.LinkedHashMap<>(JSON.convertValue(object, Map.class));
    }

    public final class Client {

        private final String username;
        private final String password;
        private final Map<String, String> headers;

        private Client(String username, String password) {
            this(username, password, Map.of());
        }

        private Client(String username, String password, Map<String, String> headers) {
            this.username = username;
            this.password = password;
            this.headers = headers;
        }

        public Client withHeader(String name, String value) {
            var more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Client(username, password, Map.copyOf(more));
        }

        public Response get(String path) {
            return send("GET", path, null);
        }

        public Response post(String path, Object body) {
            return send("POST", path, body instanceof String raw ? raw : json(body));
        }

        public Response post(String path) {
            return send("POST", path, "");
        }

        public Response put(String path, Object body) {
            return send("PUT", path, body instanceof String raw ? raw : json(body));
        }

        public Response delete(String path) {
            return send("DELETE", path, null);
        }

        /** A multipart/form-data POST of one file in the part {@code file}, as a browser's upload form sends it. */
        public Response upload(String path, String filename, byte[] content) {
            String boundary = "----outdial-test-" + UUID.randomUUID();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary);
            return exchange("POST " + path, request);
        }

        public Response send(String method, String path, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return exchange(method + " " + path, request);
        }

        /** A GET of a file: its bytes as they came, whatever its type. */
        public Download download(String path) {
            HttpResponse<byte[]> response = call(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(),
                    "*/*", HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers());
        }

        private Response exchange(String description, HttpRequest.Builder request) {
            HttpResponse<String> response = call(request, "application/json, application/problem+json",
                    HttpResponse.BodyHandlers.ofString());
            return new Response(description, response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        }

        private <T> HttpResponse<T> call(HttpRequest.Builder request, String accept, HttpResponse.BodyHandler<T> body) {
            if (!headers.containsKey("Accept")) {
                request.header("Accept", accept);
            }
            if (username != null) {
                String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
                request.header("Authorization", "Basic " + token);
            }
            headers.forEach(request::header);
            try {
                return HTTP.send(request.build(), body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A file as the server sent it. */
    public record Download(int status, byte[] body, String contentType, HttpHeaders headers) {

        /** The response's header {@code name}, or "" where it sent none. */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public record Response(String request, int status, String body, String contentType) {

        public JsonNode json() {
            return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        }

        /** Fails with the whole answer when the status is not the expected one. */
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError(request + " answered " + status + " instead of " + expected + ": " + body);
            }
            return this;
        }

        public long id() {
            return json().get("id").asLong();
        }
    }
}
