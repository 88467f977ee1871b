package dev.outdial.engine.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The manual's example: callback key 1, "from the 20th second to the 60th second". */
class QueueRulesTest {

    private static final QueueRules QUEUE = new QueueRules(7, "1", Duration.ofSeconds(20), Duration.ofSeconds(60),
            false, Optional.empty(), Optional.empty(), false);

    @Test
    void anotherKeyLeavesTheCallerInTheQueue() {
        assertThat(QUEUE.judge("2", Duration.ofSeconds(30))).isEqualTo(KeyVerdict.STAYS_IN_QUEUE);
        assertThat(QUEUE.judge("#", Duration.ofSeconds(5))).isEqualTo(KeyVerdict.STAYS_IN_QUEUE);
    }

    @Test
    void theCallbackKeyBeforeTheMinimumTimeIsIgnored() {
        assertThat(QUEUE.judge("1", Duration.ofSeconds(19))).isEqualTo(KeyVerdict.TOO_EARLY);
    }

    @Test
    void theCallbackKeyInsideTheWindowIsARequest() {
        assertThat(QUEUE.judge("1", Duration.ofSeconds(20))).isEqualTo(KeyVerdict.CALLBACK_REQUESTED);
        assertThat(QUEUE.judge("1", Duration.ofSeconds(60))).isEqualTo(KeyVerdict.CALLBACK_REQUESTED);
        assertThat(QUEUE.judge("1", Duration.ofSeconds(61))).isEqualTo(KeyVerdict.TOO_LATE);
    }

    @Test
    void aCallbackRequestAlwaysLeavesATicketAMissedCallOnlyWhereTheQueueKeepsThem() {
        QueueRules keepsMissed = new QueueRules(7, "1", Duration.ZERO, Duration.ofSeconds(60), true, Optional.empty(),
                Optional.empty(), false);

        assertThat(QUEUE.followUp(InboundResult.CALLBACK_REQUESTED)).contains(FollowUp.CALLBACK);
        assertThat(QUEUE.followUp(InboundResult.MISSED_WAIT_EXCEEDED)).isEmpty();
        assertThat(keepsMissed.followUp(InboundResult.MISSED_WAIT_EXCEEDED)).contains(FollowUp.MISSED_CALL);
        assertThat(keepsMissed.followUp(InboundResult.MISSED_CALLER_HUNG_UP)).contains(FollowUp.MISSED_CALL);
        assertThat(keepsMissed.followUp(InboundResult.ANSWERED)).isEmpty();
    }
}
