package dev.outdial.engine.ivr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IVR trees for tests, built as the server stores them once checked. */
public final class IvrTrees {

    private IvrTrees() {
    }

    /**
     * n1 asks: 1 interested (result 11, then thanks), 2 talk to an agent, 9 never call again, 0 hang up;
     * twice more on silence, then goodbye. n2 thanks, n3 says goodbye.
     */
    public static IvrTree survey() {
        return new IvrTree("n1", List.of(
                collect("n1", "Press 1 if interested, 2 for an agent, 9 to opt out", 2, "n3", Map.of(
                        "1", new IvrKey(IvrAction.SET_RESULT, "n2", "11"),
                        "2", new IvrKey(IvrAction.CONNECT_AGENT, null, null),
                        "9", new IvrKey(IvrAction.OPT_OUT, null, null),
                        "0", new IvrKey(IvrAction.HANGUP, null, null))),
                play("n2", "Thank you", null),
                play("n3", "Goodbye", null)));
    }

    /** A notification: one prompt, then the call ends. */
    public static IvrTree notification() {
        return new IvrTree("n1", List.of(play("n1", "Your payment is due on Friday", null)));
    }

    public static IvrNode collect(String id, String prompt, int retries, String next, Map<String, IvrKey> keys) {
        return new IvrNode(id, IvrNodeType.COLLECT, prompt, null, 5, retries, next, new LinkedHashMap<>(keys));
    }

    public static IvrNode play(String id, String prompt, String next) {
        return new IvrNode(id, IvrNodeType.PLAY, prompt, null, null, null, next, null);
    }
}
