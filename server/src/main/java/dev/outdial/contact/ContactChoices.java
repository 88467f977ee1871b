package dev.outdial.contact;

import dev.outdial.shared.PageRequest;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person may pick customers from (the manual's "Add from"): the business's customer groups,
 * contact filters and its latest contacts; more contacts are reached through a group or a filter.
 */
@Service
public class ContactChoices {

    static final int CONTACTS_SHOWN = 100;

    private final Contacts contacts;
    private final ContactGroups groups;
    private final ContactFilters filters;

    ContactChoices(Contacts contacts, ContactGroups groups, ContactFilters filters) {
        this.contacts = contacts;
        this.groups = groups;
        this.filters = filters;
    }

    public record Choices(List<ContactGroup> groups, List<ContactFilter> filters, List<Contact> contacts) {
    }

    @Transactional(readOnly = true)
    public Choices of(long businessId) {
        return new Choices(groups.list(businessId), filters.list(businessId),
                contacts.list(businessId, null, PageRequest.first(CONTACTS_SHOWN)).items());
    }
}
