package dev.outdial.contact;

import dev.outdial.contact.internal.ContactGroupRepository;
import dev.outdial.contact.internal.ContactRepository;
import dev.outdial.contact.internal.ContactWhere;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Page;
import dev.outdial.shared.PageRequest;
import dev.outdial.shared.Violations;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customer groups of a business: a name unique in the business, and members among its contacts. */
@Service
public class ContactGroups {

    static final int MAX_NAME = 200;
    /** One request's worth of members; a bigger selection is a filter, not a list of ids. */
    static final int MAX_IDS_PER_CHANGE = 10_000;

    private final ContactGroupRepository groups;
    private final ContactRepository contacts;
    private final Contacts contactService;
    private final Clock clock;

    ContactGroups(ContactGroupRepository groups, ContactRepository contacts, Contacts contactService, Clock clock) {
        this.groups = groups;
        this.contacts = contacts;
        this.contactService = contactService;
        this.clock = clock;
    }

    @Transactional
    public ContactGroup create(long businessId, String name) {
        String valid = checkName(businessId, name, null);
        return get(businessId, groups.insert(businessId, valid, clock.instant()));
    }

    @Transactional
    public ContactGroup rename(long businessId, long id, String name) {
        get(businessId, id);
        groups.rename(businessId, id, checkName(businessId, name, id));
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public ContactGroup get(long businessId, long id) {
        return groups.find(businessId, id).orElseThrow(() -> new NotFoundException("customer-group", id));
    }

    @Transactional(readOnly = true)
    public List<ContactGroup> list(long businessId) {
        return groups.list(businessId);
    }

    /** Deletes the group; its contacts stay in the warehouse. */
    @Transactional
    public void delete(long businessId, long id) {
        get(businessId, id);
        groups.delete(businessId, id);
    }

    /** Adds contacts; one already in the group stays once. Ids that are not the business's contacts are refused. */
    @Transactional
    public ContactGroup addMembers(long businessId, long groupId, Collection<Long> contactIds) {
        get(businessId, groupId);
        Set<Long> ids = checkIds(businessId, contactIds);
        groups.addMembers(businessId, groupId, ids);
        return get(businessId, groupId);
    }

    @Transactional
    public ContactGroup removeMembers(long businessId, long groupId, Collection<Long> contactIds) {
        get(businessId, groupId);
        Set<Long> ids = checkIds(businessId, contactIds);
        groups.removeMembers(groupId, ids);
        return get(businessId, groupId);
    }

    @Transactional(readOnly = true)
    public Page<Contact> members(long businessId, long groupId, PageRequest page) {
        get(businessId, groupId);
        return Page.of(contacts.select(businessId, ContactWhere.inGroup(groupId), page.before(), page.fetchSize()),
                page, Contact::id);
    }

    /** Hands each member to {@code each}, a batch at a time, however large the group. */
    @Transactional(readOnly = true)
    public void streamMembers(long businessId, long groupId, Consumer<Contact> each) {
        get(businessId, groupId);
        contacts.forEach(businessId, ContactWhere.inGroup(groupId), each);
    }

    private Set<Long> checkIds(long businessId, Collection<Long> contactIds) {
        Set<Long> ids = new LinkedHashSet<>(contactIds == null ? List.of() : contactIds);
        ids.remove(null);
        Violations violations = new Violations();
        if (violations.check(!ids.isEmpty(), "contactIds", "validation.required")
                && violations.check(ids.size() <= MAX_IDS_PER_CHANGE, "contactIds", "customer-group.too-many-ids",
                MAX_IDS_PER_CHANGE)) {
            Set<Long> unknown = contactService.unknownContacts(businessId, ids);
            violations.check(unknown.isEmpty(), "contactIds", "customer-group.unknown-contacts", unknown.toString());
        }
        violations.throwIfAny();
        return ids;
    }

    private String checkName(long businessId, String name, Long exceptId) {
        Violations violations = new Violations();
        String stripped = name == null ? "" : name.strip();
        if (violations.check(!stripped.isEmpty(), "name", "validation.required")) {
            violations.check(stripped.length() <= MAX_NAME, "name", "validation.too-long", MAX_NAME);
        }
        violations.throwIfAny();
        if (groups.nameTaken(businessId, stripped, exceptId)) {
            throw new ConflictException("customer-group.name.taken", stripped);
        }
        return stripped;
    }
}
