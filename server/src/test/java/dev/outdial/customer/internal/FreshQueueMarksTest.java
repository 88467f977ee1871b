package dev.outdial.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.rules.QueuedCustomer;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class FreshQueueMarksTest {

    private static final long CAMPAIGN = 7;
    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

    private final FreshQueueMarks marks = new FreshQueueMarks();

    @Test
    void aClaimStartsAfterTheLastFreshCustomerTaken() {
        marks.passed(CAMPAIGN, marks.read(CAMPAIGN, NOW), customer(41), true, NOW);

        assertThat(marks.read(CAMPAIGN, NOW.plusSeconds(5)).value())
                .hasValueSatisfying(mark -> assertThat(mark.customerId()).isEqualTo(41));
        assertThat(marks.read(CAMPAIGN + 1, NOW).value()).as("another campaign's queue").isEmpty();
    }

    @Test
    void theHeadIsReadAgainOnceTheMarkHasLivedItsTime() {
        marks.passed(CAMPAIGN, marks.read(CAMPAIGN, NOW), customer(41), true, NOW);
        Instant later = NOW.plus(FreshQueueMarks.LIFETIME).minusMillis(1);
        marks.passed(CAMPAIGN, marks.read(CAMPAIGN, later), customer(42), false, later);

        assertThat(marks.read(CAMPAIGN, later).value()).isPresent();
        assertThat(marks.read(CAMPAIGN, NOW.plus(FreshQueueMarks.LIFETIME)).value())
                .as("moving the mark on does not make it younger").isEmpty();
        assertThat(marks.read(CAMPAIGN, NOW.minusSeconds(1)).value()).as("a clock set back").isEmpty();
    }

    @Test
    void aRewindForgetsTheMarkAndOutranksAClaimThatReadBeforeIt() {
        CampaignMemo.Reading<FreshQueueMarks.Mark> before = marks.read(CAMPAIGN, NOW);
        marks.rewind(CAMPAIGN);
        marks.passed(CAMPAIGN, before, customer(41), true, NOW);
        assertThat(marks.read(CAMPAIGN, NOW).value()).as("the claim read before the rewind").isEmpty();

        marks.passed(CAMPAIGN, marks.read(CAMPAIGN, NOW), customer(43), true, NOW);
        marks.rewind(CAMPAIGN);
        assertThat(marks.read(CAMPAIGN, NOW).value()).isEmpty();
    }

    @Test
    void aClaimRolledBackWithItsDialTookNobodyAndLeavesNoMark() {
        assertThat(markLeftBy(TransactionSynchronization.STATUS_COMMITTED)).as("committed").isPresent();
        assertThat(markLeftBy(TransactionSynchronization.STATUS_ROLLED_BACK))
                .as("rolled back: the customer it passed is first in line again").isEmpty();
    }

    /** The mark a claim leaves once its transaction ends with {@code status}. */
    private Optional<FreshQueueMarks.Mark> markLeftBy(int status) {
        marks.forget(CAMPAIGN);
        TransactionSynchronizationManager.initSynchronization();
        try {
            marks.passed(CAMPAIGN, marks.read(CAMPAIGN, NOW), customer(41), true, NOW);
            TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                    status);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        return marks.read(CAMPAIGN, NOW).value();
    }

    private static QueuedCustomer customer(long id) {
        return new QueuedCustomer(id, "+84914000" + id, NOW.minusSeconds(3600), CustomerState.fresh(), Optional.empty());
    }
}
