package dev.outdial.engine.ivr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One caller's way through an IVR, a step at a time: the live call and {@link IvrWalk} both follow
 * it, so the rules of a tree are written once.
 *
 * <p>A PLAY node plays its prompt and goes on to {@code next}; a COLLECT plays its prompt and waits
 * for a key. A key the node does not know, or silence until the timeout, counts as one try; after
 * {@code retries} more tries (the prompt again each time) the call goes to {@code next}, or hangs
 * up without one. GOTO goes to its target; SET_RESULT records its result and goes on to its
 * target, or hangs up; CONNECT_AGENT, OPT_OUT and HANGUP end the IVR. Past {@link #MAX_PROMPTS}
 * prompts the IVR hangs up: only a COLLECT that loops on silence gets there, and a paid line should
 * not play to nobody forever.
 */
public final class IvrSession {

    public static final int MAX_PROMPTS = 100;

    private final IvrTree tree;
    private final List<String> results = new ArrayList<>();
    private IvrNode waitingAt;
    private int tries;
    private int played;
    private boolean ended;

    public IvrSession(IvrTree tree) {
        this.tree = tree;
    }

    /** The call was answered: what it plays first. */
    public IvrStep start() {
        return from(tree.root(), new ArrayList<>());
    }

    /** The caller keyed {@code digits} at the COLLECT the session waits at; empty is silence until the timeout. */
    public IvrStep pressed(String digits) {
        if (ended || waitingAt == null) {
            throw new IllegalStateException("the IVR is not waiting for a key");
        }
        IvrNode node = waitingAt;
        IvrKey key = digits == null || digits.isEmpty() ? null : node.keysOrEmpty().get(digits);
        if (key == null) {
            tries++;
            if (tries <= retriesOf(node)) {
                return played < MAX_PROMPTS ? collect(new ArrayList<>(), node) : end(List.of(), IvrAction.HANGUP);
            }
            return from(node.next(), new ArrayList<>());
        }
        return switch (key.action()) {
            case CONNECT_AGENT, OPT_OUT, HANGUP -> end(List.of(), key.action());
            case SET_RESULT -> {
                results.add(key.result());
                yield from(key.target(), new ArrayList<>());
            }
            case GOTO -> from(key.target(), new ArrayList<>());
        };
    }

    /** The results SET_RESULT recorded so far, in order. */
    public List<String> results() {
        return List.copyOf(results);
    }

    /** The customer's result: the last one recorded. */
    public Optional<String> lastResult() {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.getLast());
    }

    private IvrStep from(String nodeId, List<IvrPrompt> prompts) {
        String next = nodeId;
        while (next != null) {
            if (played >= MAX_PROMPTS) {
                return end(prompts, IvrAction.HANGUP);
            }
            IvrNode node = tree.nodeOrThrow(next);
            if (node.type() == IvrNodeType.COLLECT) {
                tries = 0;
                return collect(prompts, node);
            }
            played++;
            prompts.add(IvrPrompt.of(node));
            next = node.next();
        }
        return end(prompts, IvrAction.HANGUP);
    }

    private IvrStep collect(List<IvrPrompt> prompts, IvrNode node) {
        played++;
        prompts.add(IvrPrompt.of(node));
        waitingAt = node;
        return new IvrStep.Collect(prompts, node.id(), Duration.ofSeconds(node.timeoutSeconds() == null ? 5 : node.timeoutSeconds()));
    }

    private IvrStep end(List<IvrPrompt> prompts, IvrAction how) {
        ended = true;
        waitingAt = null;
        return new IvrStep.End(prompts, how);
    }

    private static int retriesOf(IvrNode node) {
        return node.retries() == null ? 0 : node.retries();
    }
}
