package dev.outdial.ticket;

/** The ticket list's search; any part may be null. The phone is typed any usual way. */
public record TicketFilter(TicketChannel channel, TicketStatus status, String phone) {
}
