package dev.outdial.engine.pacing;

import java.util.List;

/**
 * Manual: "the agent clicks Get customer; the system hands them the next eligible customer; the
 * agent dials". The system starts nothing by itself; {@link CampaignRunner#next} serves the pull.
 */
public final class ManualStrategy implements DialStrategy {

    @Override
    public List<Dispatch> plan(PacingView view) {
        return List.of();
    }

    @Override
    public boolean agentsPull() {
        return true;
    }
}
