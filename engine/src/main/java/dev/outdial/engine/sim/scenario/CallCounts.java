package dev.outdial.engine.sim.scenario;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.rules.AbandonRate;
import java.util.HashSet;
import java.util.Set;

/** What the baseline strategies count of their calls: talking now, answered and abandoned so far. */
final class CallCounts {

    private final Set<CallId> talking = new HashSet<>();
    private long answered;
    private long abandoned;

    void observe(CallRecord call) {
        if (call.isOpen()) {
            talking.add(call.id());
            return;
        }
        talking.remove(call.id());
        if (call.answeredAt().isPresent() && call.result().orElseThrow() != CallResult.MACHINE) {
            answered++;
        }
        if (call.result().orElseThrow() == CallResult.ABANDONED) {
            abandoned++;
        }
    }

    int talking() {
        return talking.size();
    }

    double abandonRate() {
        return AbandonRate.of(abandoned, answered).orElse(0);
    }
}
