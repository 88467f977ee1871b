package dev.outdial.ticket;

import java.time.Instant;

/** A ticket; {@code phone} is E.164, and the campaign, call and queue it came from may be null. */
public record Ticket(long id, TicketChannel channel, TicketStatus status, String customerName, String phone,
                     Long campaignId, String callId, Long queueId, String subject, Instant createdAt,
                     Instant updatedAt) {
}
