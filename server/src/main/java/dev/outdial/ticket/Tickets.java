package dev.outdial.ticket;

import dev.outdial.business.Businesses;
import dev.outdial.campaign.Campaigns;
import dev.outdial.inbound.InboundQueues;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Page;
import dev.outdial.shared.PageRequest;
import dev.outdial.shared.PhoneNumbers;
import dev.outdial.shared.Violations;
import dev.outdial.ticket.internal.TicketRepository;
import dev.outdial.ticket.internal.TriggerEngine;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business's tickets. Every event of a ticket runs the triggers in the ticket's own
 * transaction, so a ticket and what its triggers did (a customer added to a campaign) are saved
 * together or not at all.
 */
@Service
public class Tickets {

    static final int MAX_SUBJECT_LENGTH = 500;
    private static final int MAX_NAME_LENGTH = 200;

    private final TicketRepository tickets;
    private final Businesses businesses;
    private final Campaigns campaigns;
    private final TriggerEngine triggers;
    private final TicketCalls calls;
    private final InboundQueues queues;
    private final Clock clock;

    Tickets(TicketRepository tickets, Businesses businesses, Campaigns campaigns, TriggerEngine triggers,
            TicketCalls calls, InboundQueues queues, Clock clock) {
        this.tickets = tickets;
        this.businesses = businesses;
        this.campaigns = campaigns;
        this.calls = calls;
        this.queues = queues;
        this.triggers = triggers;
        this.clock = clock;
    }

    /** Opens a ticket, from a user or from the dialer and inbound queues, and runs the triggers. */
    @Transactional
    public Ticket open(long businessId, TicketDraft draft) {
        Ticket valid = validate(businessId, draft);
        Ticket ticket = get(businessId, tickets.insert(businessId, valid));
        triggers.run(new TicketEvent(businessId, TicketEvent.Type.TICKET_CREATED, ticket));
        return ticket;
    }

    @Transactional(readOnly = true)
    public Ticket get(long businessId, long id) {
        return tickets.find(businessId, id).orElseThrow(() -> new NotFoundException("ticket", id));
    }

    /** A page of the business's tickets, newest first. */
    @Transactional(readOnly = true)
    public Page<Ticket> list(long businessId, TicketFilter filter, PageRequest page) {
        String phone = null;
        if (filter.phone() != null && !filter.phone().isBlank()) {
            Violations violations = new Violations();
            phone = PhoneNumbers.toE164(filter.phone(), businesses.get(businessId).defaultCountry(), "phone",
                    violations);
            violations.throwIfAny();
        }
        List<Ticket> fetched = tickets.page(businessId, filter.channel(), filter.status(), phone, page.before(),
                page.fetchSize());
        return Page.of(fetched, page, Ticket::id);
    }

    /** Moves the ticket to {@code status}; only a real change is an event for the triggers. */
    @Transactional
    public Ticket changeStatus(long businessId, long id, TicketStatus status) {
        Violations violations = new Violations();
        violations.check(status != null, "status", "validation.required");
        violations.throwIfAny();
        Ticket current = get(businessId, id);
        if (current.status() == status) {
            return current;
        }
        tickets.updateStatus(businessId, id, status, clock.instant());
        Ticket changed = get(businessId, id);
        triggers.run(new TicketEvent(businessId, TicketEvent.Type.TICKET_STATUS_CHANGED, changed));
        return changed;
    }

    private Ticket validate(long businessId, TicketDraft draft) {
        Violations violations = new Violations();
        violations.check(draft.channel() != null, "channel", "validation.required");
        String name = optional(draft.customerName(), "customerName", MAX_NAME_LENGTH, violations);
        String subject = optional(draft.subject(), "subject", MAX_SUBJECT_LENGTH, violations);
        String phone = draft.phone() == null || draft.phone().isBlank() ? null
                : PhoneNumbers.toE164(draft.phone(), businesses.get(businessId).defaultCountry(), "phone", violations);
        // A ticket says whom it is about and what to do; the ones a call or queue opens have its number.
        violations.check(name != null || phone != null || violations.has("phone"), "phone", "ticket.who.required");
        boolean openedByHand = draft.callId() == null && draft.queueId() == null;
        violations.check(subject != null || !openedByHand || violations.has("subject"), "subject", "validation.required");
        if (draft.campaignId() != null) {
            violations.check(found(() -> campaigns.get(businessId, draft.campaignId())), "campaignId", "ticket.campaign.unknown",
                    draft.campaignId());
        }
        if (draft.callId() != null) {
            violations.check(calls.exists(businessId, draft.callId()), "callId", "ticket.call.unknown", draft.callId());
        }
        if (draft.queueId() != null) {
            violations.check(found(() -> queues.get(businessId, draft.queueId())), "queueId", "ticket.queue.unknown",
                    draft.queueId());
        }
        violations.throwIfAny();
        Instant now = clock.instant();
        return new Ticket(0, draft.channel(), TicketStatus.OPEN, name, phone, draft.campaignId(), draft.callId(),
                draft.queueId(), subject, now, now);
    }

    /** Whether the lookup finds its object. Its 404 marks the transaction for rollback, which the 400 that follows does anyway. */
    private static boolean found(Runnable lookup) {
        try {
            lookup.run();
            return true;
        } catch (NotFoundException missing) {
            return false;
        }
    }

    private static String optional(String text, String field, int maxLength, Violations violations) {
        String stripped = text == null || text.isBlank() ? null : text.strip();
        violations.check(stripped == null || stripped.length() <= maxLength, field, "validation.too-long", maxLength);
        return stripped;
    }
}
