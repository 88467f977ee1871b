package dev.outdial.shared;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work tied to how the transaction around it ends: not seen before it commits, undone if it rolls back, timed to
 * its end, or collected through it and written just before it commits.
 */
public final class TransactionEnd {

    private TransactionEnd() {
    }

    /** Runs {@code action} once the current transaction commits (never if it rolls back), or now outside one. */
    public static void afterCommit(Runnable action) {
        register(action, new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /**
     * Runs {@code action} if the current transaction rolls back (never if it commits, nor outside
     * one): to drop what it let this node learn in memory from rows it read or wrote.
     */
    public static void ifRolledBack(Runnable action) {
        register(() -> { }, new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    action.run();
                }
            }
        });
    }

    /** Runs {@code action} once the current transaction is over, committed or rolled back, or now outside one. */
    public static void whenOver(Runnable action) {
        register(action, new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }

    /**
     * What {@code owner} collects in the current transaction: made by {@code created} at the first call in it, the
     * same one handed back at every later call, given to {@code beforeCommit} just before the transaction commits
     * (still inside it, so it may write; never if it rolls back) and forgotten once it ends. Empty outside a
     * transaction. {@code beforeCommit} must not start collecting anew: what is collected during it is not written.
     */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> collected(Object owner, Supplier<T> created, Consumer<T> beforeCommit) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        T collecting = (T) TransactionSynchronizationManager.getResource(owner);
        if (collecting == null) {
            T fresh = created.get();
            TransactionSynchronizationManager.bindResource(owner, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    beforeCommit.accept(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(owner);
                }
            });
            collecting = fresh;
        }
        return Optional.of(collecting);
    }

    /** What {@code owner} has collected in the current transaction so far, if it has started collecting. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> collectedSoFar(Object owner) {
        return Optional.ofNullable((T) TransactionSynchronizationManager.getResource(owner));
    }

    private static void register(Runnable outsideATransaction, TransactionSynchronization synchronization) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(synchronization);
        } else {
            outsideATransaction.run();
        }
    }
}
