package dev.outdial.engine.sim.scenario;

import dev.outdial.engine.pacing.DialStrategy;
import dev.outdial.engine.port.CallRecord;
import java.time.Duration;
import java.util.Optional;

/** What the benchmark's baselines share: they dial for the pool, like predictive, and count their calls. */
abstract class PoolBaseline implements DialStrategy {

    private final Duration maxWait;
    protected final CallCounts counts = new CallCounts();

    PoolBaseline(Duration maxWait) {
        this.maxWait = maxWait;
    }

    @Override
    public final Optional<Duration> maxWait() {
        return Optional.of(maxWait);
    }

    @Override
    public final void observe(CallRecord call) {
        counts.observe(call);
    }
}
