package dev.outdial.engine.sim.scenario;

import dev.outdial.engine.pacing.Dispatch;
import dev.outdial.engine.pacing.PacingView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A baseline for the benchmark, {@code adaptive-baseline}: VICIdial's published adaptive method.
 * Every 15 s the dial level is multiplied by 1 + (ready agents − waiting calls) ÷ agents, capped,
 * and reset to 1.0 when the day's drop rate exceeds the limit; the dialer keeps level × agents
 * calls up.
 */
final class AdaptiveBaselineStrategy extends PoolBaseline {

    private static final Duration ADJUST_EVERY = Duration.ofSeconds(15);
    private static final double MAX_LEVEL = 4;

    private final double maxAbandonRate;
    private double level = 1;
    private Instant adjustedAt = Instant.MIN;

    AdaptiveBaselineStrategy(double maxAbandonRate, Duration maxWait) {
        super(maxWait);
        this.maxAbandonRate = maxAbandonRate;
    }

    @Override
    public List<Dispatch> plan(PacingView view) {
        int agents = view.availableAgents().size();
        if (!view.now().isBefore(adjustedAt.plus(ADJUST_EVERY)) && agents > 0) {
            adjustedAt = view.now();
            level = counts.abandonRate() > maxAbandonRate ? 1
                    : Math.clamp(level * (1 + (double) (view.freeAgents().size() - view.waitingCustomers()) / agents),
                            1, MAX_LEVEL);
        }
        return view.poolDials((int) Math.ceil(level * agents) - view.openCalls());
    }
}
