package dev.outdial.contact;

import dev.outdial.agent.UserAccounts;
import dev.outdial.business.Businesses;
import dev.outdial.contact.internal.ContactRepository;
import dev.outdial.contact.internal.ContactRules;
import dev.outdial.contact.internal.ContactSearch;
import dev.outdial.contact.internal.ContactWhere;
import dev.outdial.contact.internal.ValidContact;
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

/** The business's contacts: kept, searched, and handed to campaigns a batch at a time. */
@Service
public class Contacts {

    /** Ids asked for at once when streaming a caller's selection of contacts. */
    static final int IDS_PER_QUERY = 1_000;

    private final ContactRepository contacts;
    private final Businesses businesses;
    private final UserAccounts users;
    private final Clock clock;

    Contacts(ContactRepository contacts, Businesses businesses, UserAccounts users, Clock clock) {
        this.contacts = contacts;
        this.businesses = businesses;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public Contact create(long businessId, ContactDraft draft) {
        long id = contacts.insert(businessId, valid(businessId, draft), clock.instant());
        return get(businessId, id);
    }

    /** Replaces the contact with {@code draft} as a whole. */
    @Transactional
    public Contact update(long businessId, long id, ContactDraft draft) {
        get(businessId, id);
        contacts.update(businessId, id, valid(businessId, draft));
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public Contact get(long businessId, long id) {
        return contacts.find(businessId, id).orElseThrow(() -> new NotFoundException("contact", id));
    }

    @Transactional
    public void delete(long businessId, long id) {
        if (!contacts.delete(businessId, id)) {
            throw new NotFoundException("contact", id);
        }
    }

    /** Newest first; {@code search} matches a name, e-mail, external ID or phone number (see the pages' search box). */
    @Transactional(readOnly = true)
    public Page<Contact> list(long businessId, String search, PageRequest page) {
        ContactWhere where = ContactSearch.of(search, businesses.get(businessId).defaultCountry());
        return Page.of(contacts.select(businessId, where, page.before(), page.fetchSize()), page, Contact::id);
    }

    /**
     * Hands each contact among {@code ids} to {@code each}, a batch at a time (ids of other
     * businesses and unknown ids are skipped: see {@link #unknownContacts} to refuse them first).
     */
    @Transactional(readOnly = true)
    public void streamByIds(long businessId, Collection<Long> ids, Consumer<Contact> each) {
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            contacts.forEach(businessId, ContactWhere.ids(chunk), each);
        }
    }

    /** The ids among {@code ids} that are not contacts of this business. */
    @Transactional(readOnly = true)
    public Set<Long> unknownContacts(long businessId, Collection<Long> ids) {
        Set<Long> missing = new LinkedHashSet<>(ids);
        contacts.existing(businessId, Set.copyOf(ids)).forEach(missing::remove);
        return missing;
    }

    /**
     * Checks a contact as it would be stored, recording every broken rule under its field name, and
     * answers the normalised contact (phones in E.164) or {@code null}. For imports that report bad
     * rows instead of failing.
     */
    @Transactional(readOnly = true)
    public ContactDraft normalise(long businessId, ContactDraft draft, Violations violations) {
        ValidContact valid = check(businessId, draft, violations);
        return valid == null ? null : new ContactDraft(valid.name(), valid.phones(), valid.email(), valid.externalId(),
                valid.accountManagerId(), valid.fields());
    }

    private ValidContact valid(long businessId, ContactDraft draft) {
        Violations violations = new Violations();
        ValidContact valid = check(businessId, draft, violations);
        violations.throwIfAny();
        return valid;
    }

    private ValidContact check(long businessId, ContactDraft draft, Violations violations) {
        ValidContact valid = ContactRules.check(draft, businesses.get(businessId).defaultCountry(), violations);
        Long manager = draft.accountManagerId();
        // SPEC §3: the account manager is an agent; unknown ids, other businesses' people and
        // disabled agents are refused alike so a caller learns nothing about them.
        if (manager != null && !users.notActiveAgents(businessId, Set.of(manager)).isEmpty()) {
            violations.add("accountManagerId", "contact.account-manager.not-agent", manager);
            return null;
        }
        return valid;
    }
}
