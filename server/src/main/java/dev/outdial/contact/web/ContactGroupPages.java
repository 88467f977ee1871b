package dev.outdial.contact.web;

import dev.outdial.contact.ContactGroups;
import dev.outdial.contact.Contacts;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.PageRequest;
import dev.outdial.web.PageMessages;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Customer groups: the list, and one group's members with a search to add more. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ContactGroupPages {

    private final ContactGroups groups;
    private final Contacts contacts;
    private final PageMessages messages;

    ContactGroupPages(ContactGroups groups, Contacts contacts, PageMessages messages) {
        this.groups = groups;
        this.contacts = contacts;
        this.messages = messages;
    }

    @GetMapping("/customer-groups")
    String list(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("groups", groups.list(me.businessId()));
        return "contacts/groups";
    }

    @PostMapping("/customer-groups")
    String create(@AuthenticationPrincipal CurrentUser me, @RequestParam String name, Model model,
                  RedirectAttributes redirect) {
        try {
            groups.create(me.businessId(), name);
            redirect.addFlashAttribute("notice", messages.text("groups.customer.created", name.strip()));
            return "redirect:/customer-groups";
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            return list(me, model);
        }
    }

    @PostMapping("/customer-groups/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        groups.delete(me.businessId(), id);
        redirect.addFlashAttribute("notice", messages.text("groups.customer.deleted"));
        return "redirect:/customer-groups";
    }

    @GetMapping("/customer-groups/{id}")
    String group(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                 @RequestParam(required = false) String cursor, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("group", groups.get(me.businessId(), id));
        model.addAttribute("members", groups.members(me.businessId(), id, PageRequest.of(cursor, null)));
        model.addAttribute("cursor", cursor);
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("candidates", contacts.list(me.businessId(), q, PageRequest.first(20)).items());
        }
        return "contacts/group";
    }

    @PostMapping("/customer-groups/{id}/members")
    String add(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
               @RequestParam(required = false) List<Long> contactIds, RedirectAttributes redirect) {
        return change(id, redirect, () -> groups.addMembers(me.businessId(), id, contactIds));
    }

    @PostMapping("/customer-groups/{id}/members/remove")
    String remove(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                  @RequestParam(required = false) List<Long> contactIds, RedirectAttributes redirect) {
        return change(id, redirect, () -> groups.removeMembers(me.businessId(), id, contactIds));
    }

    private String change(long id, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", messages.text("groups.customer.updated"));
        } catch (InvalidInputException rejected) {
            redirect.addFlashAttribute("errors", messages.describe(rejected));
        }
        return "redirect:/customer-groups/" + id;
    }
}
