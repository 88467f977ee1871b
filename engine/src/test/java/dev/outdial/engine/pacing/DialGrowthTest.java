package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DialGrowthTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:07:45Z");
    private static final Duration RING = Duration.ofSeconds(15);
    /** 276 agents busy 138 s on average: 30 free a ring time on the team's pace. */
    private static final int TEAM = 276;
    private static final double BUSY_SECONDS = 138;

    /** The campaign's dials by the second, as the observations keep them. */
    private final Map<Long, Long> dials = new HashMap<>();

    private void dialed(Instant at, int count) {
        dials.merge(at.getEpochSecond(), (long) count, Long::sum);
    }

    private int most(double answerRate, int team, double busySeconds, int wholeAbandons, double freeing) {
        return DialGrowth.most(NOW, RING, answerRate, team, busySeconds, wholeAbandons, freeing, (from, to) ->
                dials.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                        .mapToLong(Map.Entry::getValue).sum());
    }

    @Test
    void atALowAnswerRateTheDialsOfARingTimeAreHeldToWhatARiseAmongThemCouldBeAbsorbed() {
        // 2 × 30 agents + 2 + ¾ of 4 abandons = 65 extra answers, were 24 % to become 72 %: 135 dials.
        assertThat(most(0.24, TEAM, BUSY_SECONDS, 4, 0)).isEqualTo(135);

        dialed(NOW.minusSeconds(10), 100);
        dialed(NOW, 30);
        assertThat(most(0.24, TEAM, BUSY_SECONDS, 4, 0)).isEqualTo(5);

        dialed(NOW, 20);
        assertThat(most(0.24, TEAM, BUSY_SECONDS, 4, 0)).isZero();
    }

    @Test
    void dialsOlderThanARingTimeNoLongerCount() {
        dialed(NOW.minusSeconds(16), 130);

        assertThat(most(0.24, TEAM, BUSY_SECONDS, 4, 0)).isEqualTo(135);
    }

    @Test
    void aHighAnswerRateCanRiseLittleSoItsDialsAreHeldFarLess() {
        // At 80 % a rise brings at most 0.2 more answers a dial.
        assertThat(most(0.8, TEAM, BUSY_SECONDS, 4, 0)).isEqualTo(325);
        // The abandons left widen the cap.
        assertThat(most(0.24, TEAM, BUSY_SECONDS, 40, 0)).isEqualTo(191);
    }

    @Test
    void aWaveOfAgentsTheBusyTimesForeseeCountsAsItComes() {
        // 60 agents freeing within the horizon, not 30: 2 × 60 + 2 + 3 = 125 extra answers, 260 dials.
        assertThat(most(0.24, TEAM, BUSY_SECONDS, 4, 60)).isEqualTo(260);
    }

    @Test
    void aTeamOfFewerThanSixtyAgentsIsNotCapped() {
        dialed(NOW, 1000);

        // The same pace (agents freeing a ring time) from 59 agents busy 29.5 s: capped at 60 agents, not at 59.
        assertThat(most(0.24, 60, 30, 4, 0)).isZero();
        assertThat(most(0.24, 59, 29.5, 4, 0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void nothingIsHeldBeforeTheTeamsBusyTimesAreKnownOrWhereEveryDialIsAnswered() {
        dialed(NOW, 1000);

        assertThat(most(0.24, TEAM, 0, 4, 0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(most(1, TEAM, BUSY_SECONDS, 4, 0)).isEqualTo(Integer.MAX_VALUE);
    }
}
