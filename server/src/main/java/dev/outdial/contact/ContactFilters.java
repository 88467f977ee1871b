package dev.outdial.contact;

import dev.outdial.business.Business;
import dev.outdial.business.Businesses;
import dev.outdial.contact.internal.ContactFilterRepository;
import dev.outdial.contact.internal.ContactRepository;
import dev.outdial.contact.internal.ContactWhere;
import dev.outdial.contact.internal.FilterCompiler;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Violations;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact filters ("advanced filters", SPEC §3): saved queries over contacts, previewed with a
 * live count, and streamed to a campaign that takes its customers "from a contact filter" (§4.3).
 * A filter is compiled again each time it runs, so it matches the contacts of that moment.
 */
@Service
public class ContactFilters {

    static final int MAX_NAME = 200;

    private final ContactFilterRepository filters;
    private final ContactRepository contacts;
    private final Businesses businesses;
    private final Clock clock;

    ContactFilters(ContactFilterRepository filters, ContactRepository contacts, Businesses businesses, Clock clock) {
        this.filters = filters;
        this.contacts = contacts;
        this.businesses = businesses;
        this.clock = clock;
    }

    @Transactional
    public ContactFilter create(long businessId, ContactFilterDraft draft) {
        String name = checkSaved(businessId, draft, null);
        return get(businessId, filters.insert(businessId, name, draft.match(), conditions(draft), clock.instant()));
    }

    @Transactional
    public ContactFilter update(long businessId, long id, ContactFilterDraft draft) {
        get(businessId, id);
        String name = checkSaved(businessId, draft, id);
        filters.update(businessId, id, name, draft.match(), conditions(draft));
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public ContactFilter get(long businessId, long id) {
        return filters.find(businessId, id).orElseThrow(() -> new NotFoundException("contact-filter", id));
    }

    @Transactional(readOnly = true)
    public List<ContactFilter> list(long businessId) {
        return filters.list(businessId);
    }

    @Transactional
    public void delete(long businessId, long id) {
        get(businessId, id);
        filters.delete(businessId, id);
    }

    @Transactional(readOnly = true)
    public FilterPreview preview(long businessId, long id) {
        ContactFilter filter = get(businessId, id);
        return preview(businessId, new ContactFilterDraft(filter.name(), filter.match(), filter.conditions()));
    }

    /** The count and first contacts of a filter being built, before it is saved. */
    @Transactional(readOnly = true)
    public FilterPreview preview(long businessId, ContactFilterDraft draft) {
        ContactWhere where = compile(businessId, draft);
        return new FilterPreview(contacts.count(businessId, where),
                contacts.select(businessId, where, null, FilterPreview.SAMPLE_SIZE));
    }

    /** Hands each contact the saved filter matches now to {@code each}, a batch at a time. */
    @Transactional(readOnly = true)
    public void streamMatching(long businessId, long filterId, Consumer<Contact> each) {
        ContactFilter filter = get(businessId, filterId);
        ContactWhere where = compile(businessId, new ContactFilterDraft(filter.name(), filter.match(), filter.conditions()));
        contacts.forEach(businessId, where, each);
    }

    private ContactWhere compile(long businessId, ContactFilterDraft draft) {
        Violations violations = new Violations();
        ContactWhere where = FilterCompiler.compile(draft.match(), draft.conditions(), context(businessId), violations);
        violations.throwIfAny();
        return where;
    }

    private String checkSaved(long businessId, ContactFilterDraft draft, Long exceptId) {
        Violations violations = new Violations();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (violations.check(!name.isEmpty(), "name", "validation.required")) {
            violations.check(name.length() <= MAX_NAME, "name", "validation.too-long", MAX_NAME);
        }
        FilterCompiler.compile(draft.match(), draft.conditions(), context(businessId), violations);
        violations.throwIfAny();
        if (filters.nameTaken(businessId, name, exceptId)) {
            throw new ConflictException("contact-filter.name.taken", name);
        }
        return name;
    }

    private FilterCompiler.Context context(long businessId) {
        Business business = businesses.get(businessId);
        return new FilterCompiler.Context(business.defaultCountry(), business.timeZone());
    }

    private static List<FilterCondition> conditions(ContactFilterDraft draft) {
        return draft.conditions() == null ? List.of() : List.copyOf(draft.conditions());
    }
}
