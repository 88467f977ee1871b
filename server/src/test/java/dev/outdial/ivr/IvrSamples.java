package dev.outdial.ivr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IVR trees as an admin writes them, in the API's JSON shape. */
final class IvrSamples {

    private IvrSamples() {
    }

    /**
     * n1 greets; n2 asks: 1 confirms (INTERESTED), 2 goes to the menu n3, 9 opts out; after two
     * silent retries it says goodbye (n4). n3: 0 connects an agent, * goes back to n2.
     */
    static Map<String, Object> survey(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("root", "n1");
        body.put("nodes", List.of(
                Map.of("id", "n1", "type", "PLAY", "prompt", "Hello from Outdial Bank.", "next", "n2"),
                Map.of("id", "n2", "type", "COLLECT", "prompt", "Press 1 to confirm, 2 for more, 9 to stop these calls.",
                        "timeoutSeconds", 5, "retries", 2, "next", "n4",
                        "keys", Map.of(
                                "1", Map.of("action", "SET_RESULT", "result", "INTERESTED"),
                                "2", Map.of("action", "GOTO", "target", "n3"),
                                "9", Map.of("action", "OPT_OUT"))),
                Map.of("id", "n3", "type", "COLLECT", "prompt", "Press 0 for an agent, star to go back.",
                        "timeoutSeconds", 10, "retries", 0,
                        "keys", Map.of(
                                "0", Map.of("action", "CONNECT_AGENT"),
                                "*", Map.of("action", "GOTO", "target", "n2"))),
                Map.of("id", "n4", "type", "PLAY", "prompt", "Goodbye.")));
        return body;
    }
}
