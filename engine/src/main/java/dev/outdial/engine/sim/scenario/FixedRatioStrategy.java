package dev.outdial.engine.sim.scenario;

import dev.outdial.engine.pacing.PacingView;
import dev.outdial.engine.pacing.Dispatch;
import java.time.Duration;
import java.util.List;

/**
 * A baseline for the benchmark, {@code fixed:R}: always R calls ringing per free agent, whatever
 * happens. The best R in hindsight is what a supervisor tuning a ratio by hand could reach at best.
 */
final class FixedRatioStrategy extends PoolBaseline {

    private final double ratio;

    FixedRatioStrategy(double ratio, Duration maxWait) {
        super(maxWait);
        this.ratio = ratio;
    }

    @Override
    public List<Dispatch> plan(PacingView view) {
        int ringing = view.openCalls() - view.waitingCustomers() - counts.talking();
        return view.poolDials((int) Math.ceil(ratio * view.freeAgents().size()) - ringing);
    }
}
