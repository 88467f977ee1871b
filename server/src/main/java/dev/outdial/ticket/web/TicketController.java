package dev.outdial.ticket.web;

import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.Page;
import dev.outdial.shared.PageRequest;
import dev.outdial.ticket.Ticket;
import dev.outdial.ticket.TicketChannel;
import dev.outdial.ticket.TicketDraft;
import dev.outdial.ticket.TicketFilter;
import dev.outdial.ticket.TicketStatus;
import dev.outdial.ticket.Tickets;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tickets: everyone of the business creates and reads them; admins and supervisors move them on. */
@RestController
@RequestMapping("/api/v1/tickets")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
class TicketController {

    private final Tickets tickets;

    TicketController(Tickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Ticket create(@AuthenticationPrincipal CurrentUser me, @RequestBody TicketDraft draft) {
        return tickets.open(me.businessId(), draft);
    }

    @GetMapping
    Page<Ticket> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) TicketChannel channel,
                      @RequestParam(required = false) TicketStatus status,
                      @RequestParam(required = false) String phone, @RequestParam(required = false) String cursor,
                      @RequestParam(required = false) Integer limit) {
        return tickets.list(me.businessId(), new TicketFilter(channel, status, phone), PageRequest.of(cursor, limit));
    }

    @GetMapping("/{id}")
    Ticket get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return tickets.get(me.businessId(), id);
    }

    @PutMapping("/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Ticket changeStatus(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                        @RequestBody StatusChange change) {
        return tickets.changeStatus(me.businessId(), id, change.status());
    }

    record StatusChange(TicketStatus status) {
    }
}
