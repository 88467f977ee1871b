package dev.outdial.engine.ivr;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What a caller hears and how the call ends, given what the caller does at each COLLECT in order
 * (a key, or silence until the timeout): an {@link IvrSession} followed to its end, for tests,
 * previews and the editor. When the caller's inputs run out, they are silent from then on.
 */
public final class IvrWalk {

    private IvrWalk() {
    }

    /** One thing the caller does at a COLLECT. */
    public sealed interface Input {
        record Key(String key) implements Input {
        }

        record Silence() implements Input {
        }

        static Input key(String key) {
            return new Key(key);
        }

        static Input silence() {
            return new Silence();
        }
    }

    /** How the call ended: HANGUP, CONNECT_AGENT or OPT_OUT, with the results SET_RESULT recorded on the way. */
    public record Outcome(List<IvrPrompt> prompts, IvrAction end, List<String> results) {

        public String lastResult() {
            return results.isEmpty() ? null : results.getLast();
        }
    }

    public static Outcome walk(IvrTree tree, List<Input> inputs) {
        Iterator<Input> caller = inputs.iterator();
        IvrSession session = new IvrSession(tree);
        List<IvrPrompt> prompts = new ArrayList<>();
        IvrStep step = session.start();
        while (true) {
            prompts.addAll(step.prompts());
            if (step instanceof IvrStep.End end) {
                return new Outcome(List.copyOf(prompts), end.how(), session.results());
            }
            Input input = caller.hasNext() ? caller.next() : Input.silence();
            step = session.pressed(input instanceof Input.Key key ? key.key() : "");
        }
    }
}
