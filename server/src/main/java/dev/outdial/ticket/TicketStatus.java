package dev.outdial.ticket;

/** Where the follow-up of a ticket stands; a new ticket is OPEN. */
public enum TicketStatus {
    OPEN, PENDING, CLOSED
}
