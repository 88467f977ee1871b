package dev.outdial.dialing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** An agent's event stream ({@code GET /api/v1/me/events}) read line by line in the background, as a page would. */
final class AgentEventsReader implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> body;

    AgentEventsReader(String baseUrl, String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/me/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Basic " + token).GET().build();
        response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            body = answer.body();
            body.forEach(lines::add);
        });
    }

    /** The event names received so far, in order. */
    List<String> events() {
        return lines.stream().filter(line -> line.startsWith("event:")).map(line -> line.substring(6).strip()).toList();
    }

    /** The data line of the first {@code event} received, as JSON. */
    tools.jackson.databind.JsonNode data(String event) {
        await(event);
        List<String> seen = List.copyOf(lines);
        int at = seen.indexOf("event:" + event);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(seen.stream().skip(at)
                .filter(line -> line.startsWith("data:")).findFirst().orElseThrow().substring(5));
    }

    /** The data of every {@code event} received so far, in order, as JSON. */
    List<tools.jackson.databind.JsonNode> all(String event) {
        List<tools.jackson.databind.JsonNode> found = new java.util.ArrayList<>();
        String current = null;
        for (String line : List.copyOf(lines)) {
            if (line.startsWith("event:")) {
                current = line.substring(6).strip();
            } else if (line.startsWith("data:") && event.equals(current)) {
                found.add(tools.jackson.databind.json.JsonMapper.builder().build().readTree(line.substring(5)));
            }
        }
        return found;
    }

    /** Every line received so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits until the stream has sent {@code event}. */
    void await(String event) {
        DialingScenario.waitFor(this::events, names -> names.contains(event), "event " + event + " in " + lines);
    }

    /**
     * The server sends {@code connected} as it adds the stream, under the lock events are sent
     * under: no event is missed after it.
     */
    void awaitConnected() {
        await("connected");
    }

    @Override
    public void close() {
        response.cancel(true);
        if (body != null) {
            // Closing the body closes the connection, so the server's stream ends with the test.
            body.close();
        }
    }
}
