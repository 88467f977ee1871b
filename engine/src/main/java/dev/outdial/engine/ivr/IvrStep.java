package dev.outdial.engine.ivr;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What the call does next in its IVR: play {@code prompts}, then wait for a key, or end the IVR. */
public sealed interface IvrStep {

    List<IvrPrompt> prompts();

    /** Play the prompts, then collect one key for {@code timeout}. */
    record Collect(List<IvrPrompt> prompts, String nodeId, Duration timeout) implements IvrStep {
        public Collect {
            prompts = List.copyOf(prompts);
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** Play the prompts, then end the IVR as {@code how}: HANGUP, CONNECT_AGENT or OPT_OUT. */
    record End(List<IvrPrompt> prompts, IvrAction how) implements IvrStep {
        public End {
            prompts = List.copyOf(prompts);
            if (how != IvrAction.HANGUP && how != IvrAction.CONNECT_AGENT && how != IvrAction.OPT_OUT) {
                throw new IllegalArgumentException(how + " does not end an IVR");
            }
        }
    }
}
