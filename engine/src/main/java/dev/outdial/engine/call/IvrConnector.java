package dev.outdial.engine.call;

import dev.outdial.engine.ivr.IvrPrompt;
import dev.outdial.engine.ivr.IvrSession;
import dev.outdial.engine.ivr.IvrStep;
import dev.outdial.engine.ivr.IvrTree;
import dev.outdial.engine.port.Telephony;
import java.util.Optional;

/**
 * Autocall (SPEC §5): "the system dials up to its concurrency, plays the IVR, acts on keys; an IVR
 * branch may connect the customer to an agent". The connector of autocall's pool dials: on answer
 * it follows an {@link IvrSession} on the customer's leg, playing each step's prompts and
 * collecting keys through telephony.
 *
 * <p>How the customer ends (SPEC §4.4 results from the IVR's path):
 * <ul>
 *   <li>the IVR ran to its end (HANGUP, the end of its nodes, a COLLECT left without a key and
 *       without {@code next}): SUCCESS, classified with the last SET_RESULT's result if any;</li>
 *   <li>SET_RESULT: from then on the customer is SUCCESS with that result, however the call ends;</li>
 *   <li>OPT_OUT: the number goes on the business's blacklist (no campaign calls it again) and the
 *       call ends SUCCESS; the customer shows BLOCKED;</li>
 *   <li>CONNECT_AGENT: the customer waits (up to the campaign's agent wait) for the first free agent
 *       of the campaign, who is rung and bridged and then classifies the call as usual; nobody in
 *       time, the call ends ABANDONED (called again after the gap while attempts remain), or SUCCESS
 *       if a result was set before;</li>
 *   <li>the customer hung up during the IVR before any result: ABANDONED, like a customer who hangs
 *       up waiting for an agent — the message did not get through, so they are called again after
 *       the gap while attempts remain.</li>
 * </ul>
 */
public final class IvrConnector implements Connector {

    private final IvrTree tree;
    private final Connector toAgent;
    private final String language;

    /** @param toAgent how a customer who chose CONNECT_AGENT finds an agent: the campaign's waiting room */
    public IvrConnector(IvrTree tree, Connector toAgent, String language) {
        this.tree = tree;
        this.toAgent = toAgent;
        this.language = language;
    }

    @Override
    public void customerAnswered(ActiveCall call) {
        IvrSession session = new IvrSession(tree);
        follow(call, session, session.start());
    }

    private void follow(ActiveCall call, IvrSession session, IvrStep step) {
        if (!call.record().isOpen()) {
            return;
        }
        session.lastResult().ifPresent(call::reachedWith);
        step.prompts().forEach(prompt -> call.play(promptOf(prompt)));
        switch (step) {
            case IvrStep.Collect collect -> call.collectKey(collect.timeout(),
                    keys -> follow(call, session, session.pressed(keys)));
            case IvrStep.End end -> {
                switch (end.how()) {
                    case CONNECT_AGENT -> toAgent.customerAnswered(call);
                    case OPT_OUT -> {
                        call.optOut();
                        call.finishReached();
                    }
                    default -> call.finishReached();
                }
            }
        }
    }

    private Telephony.Prompt promptOf(IvrPrompt prompt) {
        return Optional.ofNullable(prompt.audioId())
                .<Telephony.Prompt>map(audio -> new Telephony.Prompt.AudioFile("outdial:audio/" + audio))
                .orElseGet(() -> new Telephony.Prompt.Speech(prompt.text() == null ? "" : prompt.text(), language));
    }
}
