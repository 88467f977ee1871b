package dev.outdial.ticket;

/**
 * A new ticket as a user or the system gives it: only the channel is required; the phone may be
 * typed any usual way and is normalised with the business's default country.
 */
public record TicketDraft(TicketChannel channel, String customerName, String phone, Long campaignId, String callId,
                          Long queueId, String subject) {
}
