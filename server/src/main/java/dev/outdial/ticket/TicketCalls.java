package dev.outdial.ticket;

/**
 * Whether a call id names one of the business's calls, so a ticket cannot point at another
 * business's call or a made-up one. The dialing module answers it (it keeps the call records and
 * depends on this module, not the other way round).
 */
public interface TicketCalls {

    boolean exists(long businessId, String callId);
}
