package dev.outdial.contact.web;

import dev.outdial.contact.Contact;
import dev.outdial.contact.ContactDraft;
import dev.outdial.contact.Contacts;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.Page;
import dev.outdial.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The customer warehouse: admins and supervisors manage customers (SPEC §1). */
@RestController
@RequestMapping("/api/v1/contacts")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ContactController {

    private final Contacts contacts;

    ContactController(Contacts contacts) {
        this.contacts = contacts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Contact create(@AuthenticationPrincipal CurrentUser me, @RequestBody ContactDraft draft) {
        return contacts.create(me.businessId(), draft);
    }

    @GetMapping
    Page<Contact> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String q,
                       @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return contacts.list(me.businessId(), q, PageRequest.of(cursor, limit));
    }

    @GetMapping("/{id}")
    Contact get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return contacts.get(me.businessId(), id);
    }

    @PutMapping("/{id}")
    Contact update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody ContactDraft draft) {
        return contacts.update(me.businessId(), id, draft);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        contacts.delete(me.businessId(), id);
    }
}
