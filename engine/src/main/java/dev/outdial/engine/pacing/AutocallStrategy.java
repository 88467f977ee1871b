package dev.outdial.engine.pacing;

import dev.outdial.engine.call.AutocallSettings;
import dev.outdial.engine.call.IvrConnector;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Autocall (SPEC §5): "no agents needed: the system dials up to its concurrency, plays the IVR,
 * acts on keys". Every free line is a pool dial whose answer runs the IVR; the lines are what the
 * business's contract limit (shared with all its other calls, manual ones too) and the campaign's
 * maximum concurrent calls leave, whichever is tighter. A customer the IVR connects to an agent
 * waits in the campaign's waiting room for the first free agent, up to the agent wait.
 */
public final class AutocallStrategy implements DialStrategy {

    private final AutocallSettings settings;

    public AutocallStrategy(AutocallSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Dispatch> plan(PacingView view) {
        IvrConnector ivr = new IvrConnector(settings.ivr(), view.waitingRoom(), settings.promptLanguage());
        return Collections.nCopies(view.freeLines(), Dispatch.forPool(ivr));
    }

    @Override
    public boolean needsAgents() {
        return false;
    }

    @Override
    public Optional<Duration> maxWait() {
        return Optional.of(settings.agentWait());
    }
}
