package dev.outdial.contact.web;

import dev.outdial.contact.Contact;
import dev.outdial.contact.ContactGroup;
import dev.outdial.contact.ContactGroups;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.Page;
import dev.outdial.shared.PageRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customer groups and their members: admins and supervisors manage them. */
@RestController
@RequestMapping("/api/v1/customer-groups")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ContactGroupController {

    private final ContactGroups groups;

    ContactGroupController(ContactGroups groups) {
        this.groups = groups;
    }

    record GroupRequest(String name) {
    }

    record MembersRequest(List<Long> contactIds) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ContactGroup create(@AuthenticationPrincipal CurrentUser me, @RequestBody GroupRequest request) {
        return groups.create(me.businessId(), request.name());
    }

    @GetMapping
    List<ContactGroup> list(@AuthenticationPrincipal CurrentUser me) {
        return groups.list(me.businessId());
    }

    @GetMapping("/{id}")
    ContactGroup get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return groups.get(me.businessId(), id);
    }

    @PutMapping("/{id}")
    ContactGroup rename(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody GroupRequest request) {
        return groups.rename(me.businessId(), id, request.name());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        groups.delete(me.businessId(), id);
    }

    @GetMapping("/{id}/members")
    Page<Contact> members(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                          @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return groups.members(me.businessId(), id, PageRequest.of(cursor, limit));
    }

    @PostMapping("/{id}/members")
    ContactGroup addMembers(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                            @RequestBody MembersRequest request) {
        return groups.addMembers(me.businessId(), id, request.contactIds());
    }

    @PostMapping("/{id}/members/remove")
    ContactGroup removeMembers(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                               @RequestBody MembersRequest request) {
        return groups.removeMembers(me.businessId(), id, request.contactIds());
    }

    @DeleteMapping("/{id}/members/{contactId}")
    ContactGroup removeMember(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                              @PathVariable long contactId) {
        return groups.removeMembers(me.businessId(), id, List.of(contactId));
    }
}
