package dev.outdial.contact.web;

import dev.outdial.agent.UserAccounts;
import dev.outdial.contact.Contact;
import dev.outdial.contact.ContactDraft;
import dev.outdial.contact.Contacts;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.PageRequest;
import dev.outdial.shared.Role;
import dev.outdial.web.PageMessages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The contacts pages: the list with its search, and the form with several phones and custom fields. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ContactPages {

    private final Contacts contacts;
    private final UserAccounts users;
    private final PageMessages messages;

    ContactPages(Contacts contacts, UserAccounts users, PageMessages messages) {
        this.contacts = contacts;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/contacts")
    String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String q,
                @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", contacts.list(me.businessId(), q, PageRequest.of(cursor, null)));
        model.addAttribute("q", q);
        model.addAttribute("cursor", cursor);
        model.addAttribute("agents", users.list(me.businessId(), Role.AGENT));
        return "contacts/list";
    }

    @PostMapping("/contacts")
    String create(@AuthenticationPrincipal CurrentUser me, @ModelAttribute ContactForms.Submitted form, Model model,
                  RedirectAttributes redirect) {
        try {
            Contact created = contacts.create(me.businessId(), form.draft());
            redirect.addFlashAttribute("notice", messages.text("contacts.created", created.name()));
            return "redirect:/contacts";
        } catch (InvalidInputException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            model.addAttribute("draft", form.draft());
            return list(me, null, null, model);
        }
    }

    @GetMapping("/contacts/{id}")
    String edit(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
        Contact contact = contacts.get(me.businessId(), id);
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new ContactDraft(contact.name(), contact.phones(), contact.email(),
                    contact.externalId(), contact.accountManagerId(), contact.fields()));
        }
        model.addAttribute("id", id);
        model.addAttribute("agents", users.list(me.businessId(), Role.AGENT));
        return "contacts/edit";
    }

    @PostMapping("/contacts/{id}")
    String update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                  @ModelAttribute ContactForms.Submitted form, Model model, RedirectAttributes redirect) {
        try {
            Contact saved = contacts.update(me.businessId(), id, form.draft());
            redirect.addFlashAttribute("notice", messages.text("contacts.created", saved.name()));
            return "redirect:/contacts";
        } catch (InvalidInputException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            model.addAttribute("draft", form.draft());
            return edit(me, id, model);
        }
    }

    @PostMapping("/contacts/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        contacts.delete(me.businessId(), id);
        redirect.addFlashAttribute("notice", messages.text("contacts.deleted"));
        return "redirect:/contacts";
    }
}
