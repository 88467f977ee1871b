package dev.outdial.customer;

import dev.outdial.contact.ContactFilters;
import dev.outdial.contact.ContactGroups;
import dev.outdial.contact.Contacts;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.NotFoundException;
import java.util.List;
import java.util.Set;

/** Where customers come from in the contact warehouse: contacts chosen one by one, a group, a filter. */
public sealed interface ContactSource {

    ImportJob.Source kind();

    /** Refuses a source that names nothing of this business, naming the field. */
    void check(long businessId, Contacts contacts, ContactGroups groups, ContactFilters filters);

    record Chosen(List<Long> contactIds) implements ContactSource {

        @Override
        public ImportJob.Source kind() {
            return ImportJob.Source.CONTACTS;
        }

        @Override
        public void check(long businessId, Contacts contacts, ContactGroups groups, ContactFilters filters) {
            Set<Long> unknown = contacts.unknownContacts(businessId, contactIds);
            if (!unknown.isEmpty()) {
                throw new InvalidInputException("contactIds", "campaign.reference.unknown", unknown.toString());
            }
        }
    }

    record Group(long groupId) implements ContactSource {

        @Override
        public ImportJob.Source kind() {
            return ImportJob.Source.GROUP;
        }

        @Override
        public void check(long businessId, Contacts contacts, ContactGroups groups, ContactFilters filters) {
            try {
                groups.get(businessId, groupId);
            } catch (NotFoundException missing) {
                throw new InvalidInputException("groupId", "campaign.reference.unknown", groupId);
            }
        }
    }

    record Filter(long filterId) implements ContactSource {

        @Override
        public ImportJob.Source kind() {
            return ImportJob.Source.FILTER;
        }

        @Override
        public void check(long businessId, Contacts contacts, ContactGroups groups, ContactFilters filters) {
            try {
                filters.get(businessId, filterId);
            } catch (NotFoundException missing) {
                throw new InvalidInputException("filterId", "campaign.reference.unknown", filterId);
            }
        }
    }
}
