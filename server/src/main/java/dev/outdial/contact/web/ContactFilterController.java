package dev.outdial.contact.web;

import dev.outdial.contact.ContactFilter;
import dev.outdial.contact.ContactFilterDraft;
import dev.outdial.contact.ContactFilters;
import dev.outdial.contact.FilterPreview;
import dev.outdial.shared.CurrentUser;
import java.util.List;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Contact filters ("advanced filters"): saved, previewed saved or unsaved. */
@RestController
@RequestMapping("/api/v1/contact-filters")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ContactFilterController {

    private final ContactFilters filters;

    ContactFilterController(ContactFilters filters) {
        this.filters = filters;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ContactFilter create(@AuthenticationPrincipal CurrentUser me, @RequestBody ContactFilterDraft draft) {
        return filters.create(me.businessId(), draft);
    }

    @GetMapping
    List<ContactFilter> list(@AuthenticationPrincipal CurrentUser me) {
        return filters.list(me.businessId());
    }

    @GetMapping("/{id}")
    ContactFilter get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return filters.get(me.businessId(), id);
    }

    @PutMapping("/{id}")
    ContactFilter update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                         @RequestBody ContactFilterDraft draft) {
        return filters.update(me.businessId(), id, draft);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        filters.delete(me.businessId(), id);
    }

    @GetMapping("/{id}/preview")
    FilterPreview preview(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return filters.preview(me.businessId(), id);
    }

    /** A filter being built: its count and first contacts, nothing saved. */
    @PostMapping("/preview")
    FilterPreview preview(@AuthenticationPrincipal CurrentUser me, @RequestBody ContactFilterDraft draft) {
        return filters.preview(me.businessId(), draft);
    }
}
