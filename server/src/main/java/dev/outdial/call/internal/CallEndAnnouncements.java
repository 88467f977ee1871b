package dev.outdial.call.internal;

import dev.outdial.call.CallEndHandler;
import dev.outdial.call.CallEnded;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores each call's end for the handlers that want it, inside the transaction that ends the call
 * (an in-memory listener runs as the event is published), and wakes their drains once it commits.
 */
@Component
class CallEndAnnouncements {

    private final List<CallEndHandler> handlers;
    private final CallEndOutbox outbox;
    private final CallEndDrain drain;

    CallEndAnnouncements(List<CallEndHandler> handlers, CallEndOutbox outbox, CallEndDrain drain) {
        this.handlers = handlers;
        this.outbox = outbox;
        this.drain = drain;
    }

    @EventListener
    void on(CallEnded ended) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Stored outside the call's transaction, a crash in between would lose the call's effects.
            throw new IllegalStateException("CallEnded is published inside the transaction that ends the call");
        }
        List<String> wanting = handlers.stream().filter(handler -> handler.wants(ended)).map(CallEndHandler::name)
                .toList();
        if (wanting.isEmpty()) {
            return;
        }
        outbox.store(ended, wanting);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                drain.wake(wanting);
            }
        });
    }
}
