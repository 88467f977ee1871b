package dev.outdial.call.internal;

import dev.outdial.shared.DatabaseGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code outdial_call_ends_waiting{handler, state}}: the call ends in the outbox that a handler has not
 * handled yet ({@code due}, or {@code retrying} after a failure) and those it gave up on
 * ({@code given_up}: they wait for an operator).
 */
@Component
class CallEndMetrics extends DatabaseGauge {

    private final CallEndOutbox outbox;

    CallEndMetrics(CallEndOutbox outbox, MeterRegistry registry) {
        super(registry, "outdial.call.ends.waiting", "Call ends not handled yet by a handler, by state");
        this.outbox = outbox;
    }

    @Override
    protected Map<Tags, Long> counts() {
        return outbox.backlog().stream().collect(Collectors.toMap(
                row -> Tags.of("handler", row.handler(), "state", row.state()), row -> row.count()));
    }
}
