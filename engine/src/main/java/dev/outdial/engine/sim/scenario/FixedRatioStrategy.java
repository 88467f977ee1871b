package dev.outdial.engine.sim.scenario;

import dev.outdial.engine.pacing.DialStrategy;
import dev.outdial.engine.pacing.PacingView;
import dev.outdial.engine.pacing.Dispatch;
import dev.outdial.engine.port.CallRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A baseline for the benchmark, {@code fixed:R}: always R calls ringing per free agent, whatever
 * happens. The best R in hindsight is what a supervisor tuning a ratio by hand could reach at best.
 */
final class FixedRatioStrategy implements DialStrategy {

    private final double ratio;
    private final Duration maxWait;
    private final CallCounts counts = new CallCounts();

    FixedRatioStrategy(double ratio, Duration maxWait) {
        this.ratio = ratio;
        this.maxWait = maxWait;
    }

    @Override
    public List<Dispatch> plan(PacingView view) {
        int ringing = view.openCalls() - view.waitingCustomers() - counts.talking();
        return view.poolDials((int) Math.ceil(ratio * view.freeAgents().size()) - ringing);
    }

    @Override
    public Optional<Duration> maxWait() {
        return Optional.of(maxWait);
    }

    @Override
    public void observe(CallRecord call) {
        counts.observe(call);
    }
}
