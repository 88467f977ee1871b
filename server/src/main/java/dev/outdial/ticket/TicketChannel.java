package dev.outdial.ticket;

/** Where a ticket came from. CALLBACK is an inbound caller who pressed the queue's callback key. */
public enum TicketChannel {
    CALL, CALLBACK, MISSED_CALL, EMAIL, OTHER
}
