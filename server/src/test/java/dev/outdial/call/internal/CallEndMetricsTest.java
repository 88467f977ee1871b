package dev.outdial.call.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.OutdialIntegrationTest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An operator sees the call ends a handler has not handled yet, and those it gave up on. */
@OutdialIntegrationTest
class CallEndMetricsTest {

    /** A handler no drain serves: its rows stay where the test puts them. */
    private final String handler = "unserved-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    JdbcClient db;
    @Autowired
    CallEndMetrics metrics;
    @Autowired
    MeterRegistry registry;

    @AfterEach
    void removeTheRows() {
        db.sql("delete from call_end_outbox where handler = :handler").param("handler", handler).update();
    }

    @Test
    void callEndsWaitingAreCountedByHandlerAndStateAndThoseGivenUpStandApart() {
        OffsetDateTime now = OffsetDateTime.now();
        store(0, now);
        store(0, now);
        store(2, now.plusMinutes(1));
        store(5, null);

        metrics.refresh();

        assertThat(waiting("due")).isEqualTo(2);
        assertThat(waiting("retrying")).isEqualTo(1);
        assertThat(waiting("given_up")).isEqualTo(1);

        // once an operator hands them back, nothing is given up any more
        db.sql("update call_end_outbox set attempts = 0, next_try_at = :now where handler = :handler"
                        + " and next_try_at is null")
                .param("now", now).param("handler", handler).update();
        metrics.refresh();
        assertThat(waiting("due")).isEqualTo(3);
        assertThat(registry.find("outdial.call.ends.waiting").tags("handler", handler, "state", "given_up").gauge())
                .isNull();
    }

    private void store(int attempts, OffsetDateTime nextTry) {
        db.sql("""
                insert into call_end_outbox (handler, event, stored_at, attempts, next_try_at)
                values (:handler, '{}', :now, :attempts, :next)
                """).param("handler", handler).param("now", OffsetDateTime.now()).param("attempts", attempts)
                .param("next", nextTry).update();
    }

    private double waiting(String state) {
        Gauge gauge = registry.find("outdial.call.ends.waiting").tags("handler", handler, "state", state).gauge();
        assertThat(gauge).as(state).isNotNull();
        return gauge.value();
    }
}
