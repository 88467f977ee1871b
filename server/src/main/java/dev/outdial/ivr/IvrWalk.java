package dev.outdial.ivr;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What a caller hears and how the call ends, given a valid IVR and what the caller does at each
 * COLLECT, in order: a key or silence until the timeout. Pure, so the live dialer and the
 * simulated carrier walk a tree the same way.
 *
 * <p>A COLLECT plays its prompt and waits; a key it does not know or silence counts as one try,
 * and after {@code retries} more tries the call goes to {@code next}, or hangs up without one.
 * SET_RESULT records the result and goes on to its target, or hangs up. When the caller's inputs
 * run out, they are silent from then on.
 */
public final class IvrWalk {

    /** Past this many prompts the walk ends the call: only a COLLECT that loops on silence gets there. */
    static final int MAX_PROMPTS = 100;

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

    /** A node whose prompt was played, as the media server plays it: text or an audio file. */
    public record Prompt(String nodeId, String text, Long audioId) {
    }

    /** How the call ended: HANGUP, CONNECT_AGENT or OPT_OUT, with the results SET_RESULT recorded on the way. */
    public record Outcome(List<Prompt> prompts, IvrAction end, List<String> results) {

        public String lastResult() {
            return results.isEmpty() ? null : results.getLast();
        }
    }

    public static Outcome walk(Ivr ivr, List<Input> inputs) {
        Iterator<Input> caller = inputs.iterator();
        List<Prompt> prompts = new ArrayList<>();
        List<String> results = new ArrayList<>();
        IvrNode node = ivr.node(ivr.root()).orElseThrow();
        int tries = 0;
        while (prompts.size() < MAX_PROMPTS) {
            prompts.add(new Prompt(node.id(), node.prompt(), node.audioId()));
            String nextId;
            if (node.type() == IvrNodeType.PLAY) {
                nextId = node.next();
            } else {
                Input input = caller.hasNext() ? caller.next() : Input.silence();
                IvrKey key = input instanceof Input.Key pressed ? node.keysOrEmpty().get(pressed.key()) : null;
                if (key == null) {
                    tries++;
                    if (tries <= node.retries()) {
                        continue;
                    }
                    nextId = node.next();
                } else {
                    switch (key.action()) {
                        case CONNECT_AGENT, OPT_OUT, HANGUP -> {
                            return new Outcome(List.copyOf(prompts), key.action(), List.copyOf(results));
                        }
                        case SET_RESULT -> results.add(key.result());
                        case GOTO -> {
                        }
                    }
                    nextId = key.target();
                }
            }
            if (nextId == null) {
                break;
            }
            node = ivr.node(nextId).orElseThrow();
            tries = 0;
        }
        return new Outcome(List.copyOf(prompts), IvrAction.HANGUP, List.copyOf(results));
    }
}
