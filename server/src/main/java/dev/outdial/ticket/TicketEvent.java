package dev.outdial.ticket;

/** What happened to a ticket; triggers run on every one (the EVENT condition names the type). */
public record TicketEvent(long businessId, Type type, Ticket ticket) {

    public enum Type {
        TICKET_CREATED, TICKET_STATUS_CHANGED
    }
}
