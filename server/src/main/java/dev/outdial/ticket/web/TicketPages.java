package dev.outdial.ticket.web;

import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.PageRequest;
import dev.outdial.shared.Role;
import dev.outdial.ticket.Ticket;
import dev.outdial.ticket.TicketChannel;
import dev.outdial.ticket.TicketDraft;
import dev.outdial.ticket.TicketFilter;
import dev.outdial.ticket.TicketStatus;
import dev.outdial.ticket.Tickets;
import dev.outdial.web.PageMessages;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Tickets page: the business's tickets newest first, filtered by channel, status and phone,
 * a form to open one, and (admins and supervisors) the status of each.
 */
@Controller
@RequestMapping("/tickets")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
class TicketPages {

    private final Tickets tickets;
    private final PageMessages messages;

    TicketPages(Tickets tickets, PageMessages messages) {
        this.tickets = tickets;
        this.messages = messages;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) TicketChannel channel,
                @RequestParam(required = false) TicketStatus status, @RequestParam(required = false) String phone,
                @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("channels", TicketChannel.values());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("channel", channel);
        model.addAttribute("status", status);
        model.addAttribute("phone", phone);
        model.addAttribute("mayChangeStatus", me.role() == Role.ADMIN || me.role() == Role.SUPERVISOR);
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new TicketDraft(TicketChannel.CALL, null, null, null, null, null, null));
        }
        try {
            dev.outdial.shared.Page<Ticket> page = tickets.list(me.businessId(), new TicketFilter(channel, status, phone),
                    PageRequest.of(cursor, PageRequest.DEFAULT_LIMIT));
            model.addAttribute("tickets", page.items());
            model.addAttribute("next", page.nextCursor() == null ? null : UriComponentsBuilder.fromPath("/tickets")
                    .queryParamIfPresent("channel", Optional.ofNullable(channel))
                    .queryParamIfPresent("status", Optional.ofNullable(status))
                    .queryParamIfPresent("phone", Optional.ofNullable(phone).filter(p -> !p.isBlank()))
                    .queryParam("cursor", page.nextCursor()).build().encode().toUriString());
        } catch (InvalidInputException badPhone) {
            model.addAttribute("errors", messages.describe(badPhone));
            model.addAttribute("tickets", List.of());
        }
        return "tickets/list";
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) TicketChannel channel,
                  @RequestParam(required = false) String customerName, @RequestParam(required = false) String phone,
                  @RequestParam(required = false) String subject, Model model, RedirectAttributes redirect) {
        TicketDraft draft = new TicketDraft(channel, customerName, phone, null, null, null, subject);
        try {
            Ticket opened = tickets.open(me.businessId(), draft);
            redirect.addFlashAttribute("notice", messages.text("tickets.created.notice", opened.id()));
            return "redirect:/tickets";
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            model.addAttribute("draft", draft);
            return page(me, null, null, null, null, model);
        }
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String changeStatus(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                        @RequestParam(required = false) TicketStatus status, RedirectAttributes redirect) {
        try {
            tickets.changeStatus(me.businessId(), id, status);
            redirect.addFlashAttribute("notice", messages.text("tickets.saved", id));
        } catch (InvalidInputException | ConflictException rejected) {
            redirect.addFlashAttribute("errors", messages.describe(rejected));
        }
        return "redirect:/tickets";
    }
}
