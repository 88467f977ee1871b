package dev.outdial.call;

import java.util.List;

/**
 * Work that must follow a call's end and never be lost: a campaign's live tally, tickets, webhooks,
 * a hotline's failure count. A call's end is stored for each handler that wants it in the
 * transaction that ends the call (the call-end outbox), then handed to the handler in batches, each
 * batch in one transaction with the removal of its stored rows: handled once, or not at all and
 * handed again — after a restart too. Issue 18: five listeners of the event publication registry
 * cost ten commits a call; a batch costs one.
 */
public interface CallEndHandler {

    /**
     * The name its call ends are stored under. Stable across versions: renaming a handler strands
     * what was stored under the old name unless a migration hands it over.
     */
    String name();

    /**
     * Whether this call's end is work for the handler. Asked inside the call's transaction on the
     * dialer's lane, so it answers from memory; a call end it does not want is never stored for it.
     */
    default boolean wants(CallEnded ended) {
        return true;
    }

    /**
     * Handles call ends, oldest first, in the caller's transaction: the one that removes them from the
     * outbox. A failure rolls the batch back; each call end is then handled alone, and one that fails
     * alone is tried again later.
     */
    void handle(List<CallEnded> batch);
}
