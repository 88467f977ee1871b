package dev.outdial.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.live.LiveFigures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 8: estimated completion is the customers left ÷ the recent pace, and "unknown" without one. */
class CompletionEstimateTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void customersLeftAtTheLastHoursPaceFinishInTheirShareOfAnHour() {
        // given 120 customers finished in the last hour and 300 left
        LiveFigures.Completion completion = CompletionEstimate.of(NOW.minus(Duration.ofHours(1)), 1_000L, NOW, 1_120,
                300, FIVE_MINUTES);

        assertThat(completion.state()).isEqualTo("ESTIMATED");
        assertThat(completion.handledPerHour()).isEqualTo(120.0);
        assertThat(completion.estimatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(150)));
    }

    @Test
    void withoutAMeasuredPaceTheCompletionIsUnknown() {
        assertThat(CompletionEstimate.of(null, null, NOW, 10, 50, FIVE_MINUTES).state()).isEqualTo("UNKNOWN");
        // a window shorter than the minimum says nothing yet
        assertThat(CompletionEstimate.of(NOW.minus(Duration.ofMinutes(2)), 0L, NOW, 10, 50, FIVE_MINUTES).state())
                .isEqualTo("UNKNOWN");
        // nobody finished over the window: no pace, not "never"
        LiveFigures.Completion stalled = CompletionEstimate.of(NOW.minus(Duration.ofHours(1)), 10L, NOW, 10, 50,
                FIVE_MINUTES);
        assertThat(stalled.state()).isEqualTo("UNKNOWN");
        assertThat(stalled.estimatedAt()).isNull();
        assertThat(stalled.remaining()).isEqualTo(50);
    }

    @Test
    void aCampaignWithNobodyLeftIsDone() {
        assertThat(CompletionEstimate.of(null, null, NOW, 10, 0, FIVE_MINUTES).state()).isEqualTo("DONE");
    }
}
