package dev.outdial.dialing.internal;

import java.util.function.Consumer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work added to a batch of call ends (a ticket, a hotline's failure count) that may fail on its own:
 * it rolls back to a savepoint of its own, not the batch's transaction, and its failure goes to the
 * caller's handler instead of up the engine thread: the calls and their customers are recorded
 * whatever happens to what is added to them.
 */
final class Savepoint {

    private final TransactionTemplate nested;

    Savepoint(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    void attempt(Runnable work, Consumer<RuntimeException> failed) {
        try {
            nested.executeWithoutResult(status -> work.run());
        } catch (RuntimeException failure) {
            failed.accept(failure);
        }
    }
}
