package dev.outdial.engine.pacing;

import java.time.Duration;
import java.util.List;

/**
 * Preview: "the system hands an available agent the next customer and shows it for the preview
 * time, then dials (the agent may dial at once)". One customer per free agent, as lines allow: a
 * preview ends in a dial, so one is not offered without a line for it.
 */
public final class PreviewStrategy implements DialStrategy {

    private final Duration previewTime;

    public PreviewStrategy(Duration previewTime) {
        this.previewTime = previewTime;
    }

    @Override
    public List<Dispatch> plan(PacingView view) {
        return view.oneForEachFreeAgent(agent -> Dispatch.previewFor(agent, previewTime));
    }
}
