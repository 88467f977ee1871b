package dev.outdial.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work tied to how the transaction around it ends: not seen before it commits, undone if it rolls back, or timed to its end. */
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

    private static void register(Runnable outsideATransaction, TransactionSynchronization synchronization) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(synchronization);
        } else {
            outsideATransaction.run();
        }
    }
}
