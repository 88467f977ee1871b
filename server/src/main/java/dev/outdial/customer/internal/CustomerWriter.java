package dev.outdial.customer.internal;

import dev.outdial.compliance.Blacklist;
import dev.outdial.compliance.DncRegistry;
import dev.outdial.customer.AddReport;
import dev.outdial.customer.CampaignCustomersChanged;
import dev.outdial.customer.CountKey;
import dev.outdial.customer.CustomerDraft;
import dev.outdial.shared.FieldViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the customers of one add, each new customer BLOCKED or DNC when its number is listed
 * (SPEC §4.3: "decided when the customer is added"), and keeps the add's report. Memory holds one
 * batch and the first refusals, whatever the size of the add.
 *
 * <p>Rows come either as drafts, screened here against the lists a batch at a time, or already
 * screened by the caller ({@link #listed}, asked on another thread while a file import streams its
 * rows into one COPY, issue 18).
 */
@Component
public class CustomerWriter {

    static final int BATCH_SIZE = 5_000;
    /** Refused rows kept for the report; more are counted only. */
    static final int MAX_STORED_REJECTIONS = 10_000;

    private final CustomerRepository customers;
    private final CustomerCounts counts;
    private final ImportRepository imports;
    private final Blacklist blacklist;
    private final DncRegistry dnc;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    CustomerWriter(CustomerRepository customers, CustomerCounts counts, ImportRepository imports, Blacklist blacklist,
                   DncRegistry dnc, MessageSource messages, ApplicationEventPublisher events) {
        this.counts = counts;
        this.events = events;
        this.customers = customers;
        this.imports = imports;
        this.blacklist = blacklist;
        this.dnc = dnc;
        this.messages = messages;
    }

    public Session open(long businessId, long campaignId, long importId, Instant now, Locale locale) {
        return new Session(businessId, campaignId, importId, now, locale);
    }

    /**
     * Which of {@code numbers} are on the business's blacklist and on its DNC list, asked once for
     * all of them; callable from any thread (outside a transaction it reads what is committed).
     */
    public Listed listed(long businessId, Collection<String> numbers) {
        return new Listed(blacklist.blocked(businessId, numbers), dnc.blocked(businessId, numbers));
    }

    /** The numbers of a batch found on the blacklist and on the DNC list. */
    public record Listed(Set<String> blacklisted, Set<String> dnc) {

        CustomerRepository.NewRow row(CustomerDraft draft) {
            return new CustomerRepository.NewRow(draft, blacklisted.contains(draft.phone()), dnc.contains(draft.phone()));
        }
    }

    /** One add in progress; call {@link #finish()} inside the same transaction as the rows. */
    public final class Session {

        private final long businessId;
        private final long campaignId;
        private final long importId;
        private final Instant now;
        private final Locale locale;
        private final List<CustomerDraft> pending = new ArrayList<>(BATCH_SIZE);
        private final CustomerRepository.Inserter inserter;
        private final Map<CountKey, Long> addedByKey = new HashMap<>();
        private final List<AddReport.Rejection> rejections = new ArrayList<>();
        private int total;
        private int added;
        private int rejected;

        private Session(long businessId, long campaignId, long importId, Instant now, Locale locale) {
            this.businessId = businessId;
            this.campaignId = campaignId;
            this.importId = importId;
            this.now = now;
            this.locale = locale;
            this.inserter = customers.inserter(businessId, campaignId, importId, now);
        }

        public int rowsRead() {
            return total;
        }

        /** A row to screen against the lists here, with the next {@link #BATCH_SIZE} - 1 valid rows. */
        public void accept(int row, CustomerDrafts.Result result) {
            total++;
            if (result.isValid()) {
                pending.add(result.draft());
                if (pending.size() == BATCH_SIZE) {
                    screenPending();
                }
                return;
            }
            reject(row, result);
        }

        /** A row whose number the caller has already looked up in the lists ({@code listed} holds it if listed). */
        public void accept(int row, CustomerDrafts.Result result, Listed listed) {
            total++;
            if (result.isValid()) {
                screenPending();
                write(listed.row(result.draft()));
                return;
            }
            reject(row, result);
        }

        private void reject(int row, CustomerDrafts.Result result) {
            rejected++;
            if (rejections.size() < MAX_STORED_REJECTIONS) {
                rejections.add(new AddReport.Rejection(row, describe(result.violations().list())));
            }
        }

        /** A row refused before it became a customer (e.g. a file row with too many cells). */
        public void refuse(int row, String reason) {
            total++;
            rejected++;
            if (rejections.size() < MAX_STORED_REJECTIONS) {
                rejections.add(new AddReport.Rejection(row, reason));
            }
        }

        /** Writes every customer accepted so far, leaving the transaction's connection free for other statements. */
        public void flush() {
            screenPending();
            inserter.pause();
        }

        public AddReport finish() {
            flush();
            if (!addedByKey.isEmpty()) {
                counts.added(campaignId, addedByKey);
            }
            imports.reject(importId, rejections);
            int duplicates = customers.duplicatesOf(campaignId, importId);
            AddReport report = new AddReport(total, added, duplicates, rejected,
                    rejections.subList(0, Math.min(rejections.size(), AddReport.MAX_DETAILED)));
            imports.finish(importId, report, now);
            if (added > 0) {
                events.publishEvent(new CampaignCustomersChanged(businessId, campaignId));
            }
            return report;
        }

        private void screenPending() {
            if (pending.isEmpty()) {
                return;
            }
            inserter.pause();
            Listed listed = listed(businessId, pending.stream().map(CustomerDraft::phone).collect(Collectors.toSet()));
            pending.forEach(draft -> write(listed.row(draft)));
            pending.clear();
        }

        private void write(CustomerRepository.NewRow row) {
            inserter.add(row);
            addedByKey.merge(CountKey.added(row.status()), 1L, Long::sum);
            added++;
        }

        private String describe(List<FieldViolation> violations) {
            return violations.stream()
                    .map(v -> v.field() + " " + messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale))
                    .collect(Collectors.joining("; "));
        }
    }
}
