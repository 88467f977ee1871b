package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DialGrowthTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:07:45Z");
    private static final Duration RING = Duration.ofSeconds(15);
    /** 276 agents busy 138 s on average: 30 free a ring time on the team's pace. */
    private static final int TEAM = 276;
    private static final double BUSY_SECONDS = 138;

    @Test
    void atALowAnswerRateTheDialsOfARingTimeAreHeldToWhatARiseAmongThemCouldBeAbsorbed() {
        DialGrowth growth = new DialGrowth();

        // 2 × 30 agents + 2 + ¾ of 4 abandons = 65 extra answers, were 24 % to become 72 %: 135 dials.
        assertThat(growth.most(NOW, RING, 0.24, TEAM, BUSY_SECONDS, 4, 0)).isEqualTo(135);

        growth.dialed(NOW.minusSeconds(10), 100);
        growth.dialed(NOW, 30);
        assertThat(growth.most(NOW, RING, 0.24, TEAM, BUSY_SECONDS, 4, 0)).isEqualTo(5);

        growth.dialed(NOW, 20);
        assertThat(growth.most(NOW, RING, 0.24, TEAM, BUSY_SECONDS, 4, 0)).isZero();
    }

    @Test
    void dialsOlderThanARingTimeNoLongerCount() {
        DialGrowth growth = new DialGrowth();
        growth.dialed(NOW.minusSeconds(16), 130);

        assertThat(growth.most(NOW, RING, 0.24, TEAM, BUSY_SECONDS, 4, 0)).isEqualTo(135);
    }

    @Test
    void aHighAnswerRateCanRiseLittleSoItsDialsAreHeldFarLess() {
        DialGrowth growth = new DialGrowth();

        // At 80 % a rise brings at most 0.2 more answers a dial.
        assertThat(growth.most(NOW, RING, 0.8, TEAM, BUSY_SECONDS, 4, 0)).isEqualTo(325);
        // The abandons left widen the cap.
        assertThat(growth.most(NOW, RING, 0.24, TEAM, BUSY_SECONDS, 40, 0)).isEqualTo(191);
    }

    @Test
    void aWaveOfAgentsTheBusyTimesForeseeCountsAsItComes() {
        DialGrowth growth = new DialGrowth();

        // 60 agents freeing within the horizon, not 30: 2 × 60 + 2 + 3 = 125 extra answers, 260 dials.
        assertThat(growth.most(NOW, RING, 0.24, TEAM, BUSY_SECONDS, 4, 60)).isEqualTo(260);
    }

    @Test
    void aTeamOfFewerThanSixtyAgentsIsNotCapped() {
        DialGrowth growth = new DialGrowth();
        growth.dialed(NOW, 1000);

        // The same pace (agents freeing a ring time) from 59 agents busy 29.5 s: capped at 60 agents, not at 59.
        assertThat(growth.most(NOW, RING, 0.24, 60, 30, 4, 0)).isZero();
        assertThat(growth.most(NOW, RING, 0.24, 59, 29.5, 4, 0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void nothingIsHeldBeforeTheTeamsBusyTimesAreKnownOrWhereEveryDialIsAnswered() {
        DialGrowth growth = new DialGrowth();
        growth.dialed(NOW, 1000);

        assertThat(growth.most(NOW, RING, 0.24, TEAM, 0, 4, 0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(growth.most(NOW, RING, 1, TEAM, BUSY_SECONDS, 4, 0)).isEqualTo(Integer.MAX_VALUE);
    }
}
