package dev.outdial.customer;

import dev.outdial.business.Businesses;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.Campaigns;
import dev.outdial.contact.Contact;
import dev.outdial.contact.ContactFilters;
import dev.outdial.contact.ContactGroups;
import dev.outdial.contact.Contacts;
import dev.outdial.customer.internal.CustomerDrafts;
import dev.outdial.customer.internal.CustomerListReader;
import dev.outdial.customer.internal.CustomerQuery;
import dev.outdial.customer.internal.CustomerRepository;
import dev.outdial.customer.internal.CustomerStateRepository;
import dev.outdial.customer.internal.CustomerWriter;
import dev.outdial.customer.internal.ImportRepository;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerLifecycle;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.Transition;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.KeysetBatches;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Page;
import dev.outdial.shared.PageRequest;
import dev.outdial.tabular.Export;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers of campaigns: adding them, listing them, and an admin's or supervisor's actions on
 * one (pause, start, delete). Every change of a customer's dialing state goes through the engine's
 * state machine.
 */
@Service
public class CampaignCustomers {

    private final Campaigns campaigns;
    private final Businesses businesses;
    private final CustomerDrafts drafts;
    private final CustomerWriter writer;
    private final ImportRepository imports;
    private final CustomerRepository customers;
    private final CustomerListReader listReader;
    private final CustomerStateRepository states;
    private final Contacts contacts;
    private final ContactGroups groups;
    private final ContactFilters filters;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CampaignCustomers(Campaigns campaigns, Businesses businesses, CustomerDrafts drafts, CustomerWriter writer,
                      ImportRepository imports, CustomerRepository customers, CustomerListReader listReader,
                      CustomerStateRepository states, Contacts contacts, ContactGroups groups, ContactFilters filters,
                      Clock clock, ApplicationEventPublisher events) {
        this.listReader = listReader;
        this.events = events;
        this.contacts = contacts;
        this.groups = groups;
        this.filters = filters;
        this.campaigns = campaigns;
        this.businesses = businesses;
        this.drafts = drafts;
        this.writer = writer;
        this.imports = imports;
        this.customers = customers;
        this.states = states;
        this.clock = clock;
    }

    /**
     * Adds customers typed into the API, in one transaction: valid ones are added, the others
     * reported with their position (1 = the first) and reason. {@code userId} is null when the
     * system adds them (a trigger).
     */
    @Transactional
    public ImportJob add(long businessId, Long userId, long campaignId, List<NewCustomer> given) {
        requireOpen(businessId, campaignId);
        Instant now = clock.instant();
        long importId = imports.create(businessId, campaignId, ImportJob.Source.API, null, userId, now);
        CustomerDrafts.Context context = drafts.contextFor(businessId);
        CustomerWriter.Session session = writer.open(businessId, campaignId, importId, now, LocaleContextHolder.getLocale());
        for (int i = 0; i < given.size(); i++) {
            session.accept(i + 1, drafts.draft(given.get(i), context, null, null));
        }
        session.finish();
        return job(businessId, importId);
    }

    /**
     * Adds contacts of the warehouse, chosen one by one, from a customer group or from a contact
     * filter (SPEC §4.3), streamed so a large group or filter never sits in memory.
     */
    @Transactional
    public ImportJob addContacts(long businessId, long userId, long campaignId, ContactSource source) {
        requireOpen(businessId, campaignId);
        source.check(businessId, contacts, groups, filters);
        Instant now = clock.instant();
        long importId = imports.create(businessId, campaignId, source.kind(), null, userId, now);
        CustomerWriter.Session session = writer.open(businessId, campaignId, importId, now, LocaleContextHolder.getLocale());
        Long groupId = source instanceof ContactSource.Group group ? group.groupId() : null;
        int[] row = {0};
        Consumer<Contact> add = contact -> session.accept(++row[0], CustomerDrafts.Result.of(new CustomerDraft(
                contact.name(), contact.primaryPhone(), contact.phones().subList(1, contact.phones().size()),
                contact.email(), contact.externalId(), contact.accountManagerId(), contact.fields(), contact.id(),
                groupId)));
        switch (source) {
            case ContactSource.Chosen chosen -> contacts.streamByIds(businessId, chosen.contactIds(), add);
            case ContactSource.Group group -> groups.streamMembers(businessId, group.groupId(), add);
            case ContactSource.Filter filter -> filters.streamMatching(businessId, filter.filterId(), add);
        }
        session.finish();
        return job(businessId, importId);
    }

    @Transactional(readOnly = true)
    public ImportJob job(long businessId, long importId) {
        return imports.find(businessId, importId).orElseThrow(() -> new NotFoundException("import", importId));
    }

    /** A page of the list, newest first unless {@code ascending}; within one business always. */
    @Transactional(readOnly = true)
    public Page<CampaignCustomer> list(long businessId, CustomerFilter filter, PageRequest page, boolean ascending) {
        if (filter.campaignId() != null) {
            campaigns.get(businessId, filter.campaignId());
        }
        List<CampaignCustomer> fetched = page(businessId, filter, businesses.get(businessId).defaultCountry(),
                page.before(), ascending, page.fetchSize());
        return Page.of(fetched, page, CampaignCustomer::id);
    }

    /**
     * The list's customers for an export, oldest first, read in keyset batches as they are written:
     * the campaign is checked now, the rows are read when the export's body runs.
     */
    @Transactional(readOnly = true)
    public Export.Rows<CampaignCustomer> export(long businessId, CustomerFilter filter) {
        if (filter.campaignId() != null) {
            campaigns.get(businessId, filter.campaignId());
        }
        String country = businesses.get(businessId).defaultCountry();
        return each -> KeysetBatches.<CampaignCustomer>forEach(KeysetBatches.SIZE,
                (last, size) -> page(businessId, filter, country, last == null ? null : last.id(), true, size), each);
    }

    private List<CampaignCustomer> page(long businessId, CustomerFilter filter, String country, Long afterId,
                                        boolean ascending, int size) {
        return listReader.page(CustomerQuery.of(businessId, filter, country, afterId, ascending), size);
    }

    /** The campaign's customers counted by the customer group they came from. */
    @Transactional(readOnly = true)
    public List<CustomerGroupCount> countByGroup(long businessId, long campaignId) {
        campaigns.get(businessId, campaignId);
        Map<Long, String> names = new HashMap<>();
        groups.list(businessId).forEach(group -> names.put(group.id(), group.name()));
        return customers.countByGroup(businessId, campaignId).entrySet().stream()
                .map(count -> new CustomerGroupCount(count.getKey(), names.get(count.getKey()), count.getValue()))
                .toList();
    }

    @Transactional(readOnly = true)
    public CampaignCustomer get(long businessId, long campaignId, long customerId) {
        return customers.find(businessId, campaignId, customerId)
                .orElseThrow(() -> new NotFoundException("customer", customerId));
    }

    /** A customer of any campaign of the business, by its id alone: what an agent's click to call names. */
    @Transactional(readOnly = true)
    public CampaignCustomer get(long businessId, long customerId) {
        return customers.find(businessId, customerId).orElseThrow(() -> new NotFoundException("customer", customerId));
    }

    /** "Pause keeps the customer's state; start returns it to where it was." */
    @Transactional
    public CampaignCustomer pause(long businessId, long campaignId, long customerId) {
        return change(businessId, campaignId, customerId, new CustomerInput.Paused());
    }

    @Transactional
    public CampaignCustomer start(long businessId, long campaignId, long customerId) {
        return change(businessId, campaignId, customerId, new CustomerInput.Started());
    }

    /** "Delete removes the customer from the campaign (its call history stays)." */
    @Transactional
    public void delete(long businessId, long campaignId, long customerId) {
        CustomerState state = states.lock(businessId, campaignId, customerId)
                .orElseThrow(() -> new NotFoundException("customer", customerId));
        if (state.isOnCall()) {
            throw new ConflictException("customer.on-call", new Object[] {customerId},
                    Map.of("currentStatus", state.status()));
        }
        customers.delete(businessId, campaignId, customerId, states.countKey(customerId, state));
    }

    private CampaignCustomer change(long businessId, long campaignId, long customerId, CustomerInput input) {
        Campaign campaign = campaigns.get(businessId, campaignId);
        CustomerState state = states.lock(businessId, campaignId, customerId)
                .orElseThrow(() -> new NotFoundException("customer", customerId));
        Transition transition = CustomerLifecycle.apply(state, input, rulesOf(campaign), clock.instant());
        if (transition instanceof Transition.Rejected rejected) {
            throw new ConflictException("customer.change.refused", new Object[] {rejected.reason()},
                    Map.of("currentStatus", state.status()));
        }
        states.save(campaignId, customerId, state, transition.state());
        events.publishEvent(new CampaignCustomersChanged(businessId, campaignId));
        return get(businessId, campaignId, customerId);
    }

    /** Customers are added to a campaign in any state but ENDED (SPEC §4.3). */
    Campaign requireOpen(long businessId, long campaignId) {
        Campaign campaign = campaigns.get(businessId, campaignId);
        if (campaign.status() == CampaignStatus.ENDED) {
            throw new ConflictException("campaign.ended.final", new Object[] {campaign.name()},
                    Map.of("currentStatus", campaign.status()));
        }
        return campaign;
    }

    /** The rules of the state machine for the campaign's customers, from its settings. */
    public static CampaignRules rulesOf(Campaign campaign) {
        var settings = campaign.settings();
        return CampaignRules.of(settings.dialMode(), settings.maxCallsPerCustomer(),
                Duration.ofMinutes(settings.retryGapMinutes()), settings.noCallbackDays());
    }
}
