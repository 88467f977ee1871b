package dev.outdial.engine.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 15: the simulator's worst hour is a clock hour of the scenario's zone, as the predictive strategy counts it. */
class DayFiguresTest {

    @Test
    void theWorstHourIsALocalClockHour() {
        // Nepal is at +05:45: its hour from 09:00 runs from 03:15 to 04:15 UTC.
        Scenario kathmandu = ScenarioRunnerTest.FALLING_ANSWER_RATE.inZone(ZoneId.of("Asia/Kathmandu"));
        Instant nine = Instant.parse("2025-03-03T03:15:00Z");
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // 100 answers in the local hour, its last four abandoned (all after 04:00 UTC).
            calls.add(answered(i, nine.plusSeconds(36L * i), i >= 96));
        }

        RunFigures day = DayFigures.of(kathmandu, "predictive", 1, nine, calls, Map.of(), 300, 0, 1);

        assertThat(day.maxCountedHourlyAbandonRate()).as("4 of the local hour's 100 answers (UTC hours: 75 and 25)")
                .isCloseTo(0.04, within(1e-9));
        assertThat(day.maxHourlyAbandonRate()).isCloseTo(0.04, within(1e-9));
    }

    private static CallRecord answered(int i, Instant at, boolean abandoned) {
        Instant dialed = at.minusSeconds(10);
        Instant ended = at.plusSeconds(abandoned ? 15 : 60);
        return new CallRecord(new CallId("call-" + i), 1, 1, i, ScenarioRunner.customerNumber(i), "+842800000000",
                Optional.empty(), dialed, dialed, Optional.of(dialed.plusSeconds(1)), Optional.of(at),
                abandoned ? Optional.empty() : Optional.of(at), Optional.of(ended),
                Optional.of(abandoned ? CallResult.ABANDONED : CallResult.SUCCESS), Optional.empty(), Optional.empty());
    }
}
