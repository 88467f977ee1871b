package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RingingCallsTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final Duration RING = Duration.ofSeconds(8);

    /** A dial placed at {@code dialed} that a person answered after 8 s (connected then), or that rang out after 25 s. */
    private static CallRecord settledCall(Instant dialed, boolean answered) {
        Optional<Instant> answer = answered ? Optional.of(dialed.plus(RING)) : Optional.empty();
        return new CallRecord(new CallId("c" + dialed.toEpochMilli() + answered), 1, 1, 1, "0900000000", "1900",
                Optional.empty(), dialed, dialed, Optional.of(dialed.plusSeconds(1)), answer,
                answered ? answer : Optional.empty(), answered ? Optional.empty() : Optional.of(dialed.plusSeconds(25)),
                answered ? Optional.empty() : Optional.of(CallResult.NOANSWER), Optional.empty(), Optional.empty());
    }

    /** 100 answers after 8 s and 100 no-answers after 25 s, each dial placed and settled. */
    private static Instant seenOutcomes(RingingCalls calls) {
        Instant at = NINE;
        for (int i = 0; i < 200; i++) {
            at = NINE.plusSeconds(30L * i);
            calls.dialed(at, 1);
            calls.settled(settledCall(at, i % 2 == 0));
        }
        return at.plusSeconds(60);
    }

    /** After {@link #seenOutcomes}, one dial that has rung 15 s and one that has rung 2 s. */
    private static Instant oneOldAndOneNewRinging(RingingCalls calls) {
        Instant now = seenOutcomes(calls);
        calls.dialed(now.minusSeconds(15), 1);
        calls.dialed(now.minusSeconds(2), 1);
        return now;
    }

    @Test
    void aCallRingingPastTheAnswersRingTimesIsNoLongerCountedOnToBeAnswered() {
        RingingCalls calls = new RingingCalls();
        Instant now = oneOldAndOneNewRinging(calls);

        RingingCalls.PendingAnswers pending = calls.pending(now, 2, 0, 0.5, 1, RING);

        // The one dialed 2 s ago is as likely as any to be answered; the one that rang 15 s will ring out.
        assertThat(pending.mean()).isCloseTo(0.5, within(0.01));
        assertThat(pending.soon()).as("its answer comes in the 6 s of ring it has left").isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void aCallRungExactlyTheAnswersRingMayStillBeAnsweredThisVeryInstantByTheTailsCount() {
        RingingCalls calls = new RingingCalls();
        Instant now = seenOutcomes(calls);
        // Rung exactly the 8 s every answer took: its answer, if it is one, is due this millisecond.
        calls.dialed(now.minus(RING), 1);

        RingingCalls.PendingAnswers pending = calls.pending(now, 1, 0, 0.5, 1, RING);

        // Half the dials are answered at 8 s and none of the no-answers has ended by then: one in two.
        assertThat(pending.dueMean()).as("the burst's tail's count").isCloseTo(0.5, within(0.01));
        assertThat(pending.mean()).as("the target's model's count, as before").isCloseTo(0, within(1e-9));
    }

    @Test
    void whileTheAnswerRateDriftsEveryRingingCallCountsAtIt() {
        RingingCalls calls = new RingingCalls();
        Instant now = oneOldAndOneNewRinging(calls);

        assertThat(calls.pending(now, 2, 0, 0.5, 0, RING).mean()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aCallThatOutlastedTheBusyDialsCountsAboveTheAnswerRateEvenWhileItDrifts() {
        RingingCalls calls = new RingingCalls();
        // 100 answers after 8 s, 100 busy after 1 s, 100 no-answers after 25 s: one dial in three answered.
        Instant at = NINE;
        for (int i = 0; i < 300; i++) {
            at = NINE.plusSeconds(30L * i);
            calls.dialed(at, 1);
            calls.settled(i % 3 == 1 ? busyCall(at) : settledCall(at, i % 3 == 0));
        }
        Instant now = at.plusSeconds(60);
        calls.dialed(now.minusSeconds(2), 1);

        // Rung 2 s, it is not among the busy: one in two of the rest is answered, whatever the trust.
        assertThat(calls.pending(now, 1, 0, 1.0 / 3, 0, RING).mean()).isCloseTo(0.5, within(0.01));
        assertThat(calls.pending(now, 1, 0, 1.0 / 3, 1, RING).mean()).isCloseTo(0.5, within(0.01));
    }

    /** A dial placed at {@code dialed} that was busy after 1 s. */
    private static CallRecord busyCall(Instant dialed) {
        return new CallRecord(new CallId("b" + dialed.toEpochMilli()), 1, 1, 1, "0900000000", "1900",
                Optional.empty(), dialed, dialed, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(dialed.plusSeconds(1)), Optional.of(CallResult.BUSY), Optional.empty(), Optional.empty());
    }

    @Test
    void beforeEnoughOutcomesEveryRingingCallCountsAtTheAnswerRate() {
        RingingCalls calls = new RingingCalls();
        calls.dialed(NINE, 1);
        calls.dialed(NINE.plusSeconds(15), 1);

        assertThat(calls.pending(NINE.plusSeconds(16), 2, 0, 0.3, 1, RING).mean()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void dialsTheViewDoesNotCountAreDroppedOldestFirstAndUnknownOnesCountAtTheAnswerRate() {
        RingingCalls calls = new RingingCalls();
        // Two dials held, one of them answered and waiting for an agent (no event tells which): the oldest goes.
        Instant now = oneOldAndOneNewRinging(calls);
        assertThat(calls.pending(now, 1, 1, 0.5, 1, RING).mean()).isCloseTo(0.5, within(0.01));

        // Three ringing by the view, two held: the third is counted as just dialed.
        assertThat(calls.pending(now, 3, 0, 0.5, 1, RING).mean()).isCloseTo(1.0, within(0.01));
    }

    @Test
    void aSettledCallNoLongerRings() {
        RingingCalls calls = new RingingCalls();
        Instant now = seenOutcomes(calls);
        calls.dialed(now, 2);
        calls.settled(settledCall(now, true));

        assertThat(calls.pending(now.plusSeconds(1), 1, 0, 0.5, 1, RING).mean()).isCloseTo(0.5, within(0.01));
    }
}
