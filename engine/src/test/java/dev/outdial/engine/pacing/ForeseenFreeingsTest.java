package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForeseenFreeingsTest {

    private static final long HORIZON = 30_000;

    @Test
    void theShareIsOfTheAgentsBusyAtARoundWhoFreedWithinItsHorizon() {
        ForeseenFreeings freeings = new ForeseenFreeings();
        // Every second for ten minutes a round foresees 100 agents free within 30 s, and 2 agents free a
        // second (60 within each horizon), each connected two minutes before.
        for (long at = 0; at < 600_000; at += 1_000) {
            freeings.freed(at, at - 120_000);
            freeings.freed(at, at - 120_000);
            freeings.foresaw(at, HORIZON, 100);
        }

        assertThat(freeings.realisedShare(600_000)).isCloseTo(0.6, within(0.02));
    }

    @Test
    void anAgentConnectedAfterTheRoundIsNotOneItForesaw() {
        ForeseenFreeings freeings = new ForeseenFreeings();
        for (long at = 0; at < 600_000; at += 1_000) {
            freeings.foresaw(at, HORIZON, 100);
            freeings.freed(at, at - 120_000);
            // Calls of 5 s from connection to free: of those freed within a round's horizon, only the ones
            // connected by the round (freed in its first 5 s) were busy when it foresaw.
            freeings.freed(at, at - 5_000);
        }

        assertThat(freeings.realisedShare(600_000)).isCloseTo((30 + 5) / 100.0, within(0.02));
    }

    @Test
    void moreFreedThanForeseenIsCountedAsTheForecastKept() {
        ForeseenFreeings freeings = new ForeseenFreeings();
        for (long at = 0; at < 600_000; at += 1_000) {
            freeings.foresaw(at, HORIZON, 10);
            freeings.freed(at, at - 120_000);
        }

        assertThat(freeings.realisedShare(600_000)).isEqualTo(1);
    }

    @Test
    void fewAgentsForeseenAreTakenAtTheirWord() {
        ForeseenFreeings freeings = new ForeseenFreeings();
        for (long at = 0; at < 60_000; at += 1_000) {
            freeings.foresaw(at, HORIZON, 2);
        }

        assertThat(freeings.realisedShare(60_000)).isEqualTo(1);
    }

    @Test
    void aLongDayWhoseShareIsNotAskedHoldsOnlyWhatItsPendingChecksMayCountAndAsksAsAnAskedOneDoes() {
        // The share is asked only while the gain is near its floor: an eight-hour day may never ask it, then ask.
        ForeseenFreeings unasked = new ForeseenFreeings();
        ForeseenFreeings asked = new ForeseenFreeings();
        int mostHeld = 0;
        for (long at = 0; at < 8 * 3_600_000L; at += 1_000) {
            for (ForeseenFreeings freeings : new ForeseenFreeings[] {unasked, asked}) {
                freeings.freed(at, at - 120_000);
                freeings.freed(at, at - 120_000);
                freeings.freed(at, at - 5_000);
                freeings.foresaw(at, HORIZON, 100);
            }
            asked.realisedShare(at);
            mostHeld = Math.max(mostHeld, unasked.held());
        }

        // A horizon's worth: 30 checks pending and the 3 × 31 freeings since the oldest of them's round.
        assertThat(mostHeld).isLessThanOrEqualTo(31 + 3 * 32);
        assertThat(unasked.realisedShare(8 * 3_600_000L))
                .isCloseTo(asked.realisedShare(8 * 3_600_000L), within(1e-9))
                .isCloseTo((60 + 5) / 100.0, within(0.02));
    }
}
