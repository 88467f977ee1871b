package dev.outdial.customer.internal;

import dev.outdial.compliance.Blacklist;
import dev.outdial.compliance.DncRegistry;
import dev.outdial.customer.AddReport;
import dev.outdial.customer.CampaignCustomersChanged;
import dev.outdial.customer.CustomerDraft;
import dev.outdial.shared.FieldViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the customers of one add in batches, each new customer BLOCKED or DNC when its number is
 * listed (SPEC §4.3: "decided when the customer is added"), and keeps the add's report. Memory
 * holds one batch and the first refusals, whatever the size of the add.
 */
@Component
public class CustomerWriter {

    static final int BATCH_SIZE = 5_000;
    /** Refused rows kept for the report; more are counted only. */
    static final int MAX_STORED_REJECTIONS = 10_000;

    private final CustomerRepository customers;
    private final ImportRepository imports;
    private final Blacklist blacklist;
    private final DncRegistry dnc;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    CustomerWriter(CustomerRepository customers, ImportRepository imports, Blacklist blacklist, DncRegistry dnc,
                   MessageSource messages, ApplicationEventPublisher events) {
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

    /** One add in progress; call {@link #finish()} inside the same transaction as the rows. */
    public final class Session {

        private final long businessId;
        private final long campaignId;
        private final long importId;
        private final Instant now;
        private final Locale locale;
        private final List<CustomerDraft> pending = new ArrayList<>(BATCH_SIZE);
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
        }

        public int rowsRead() {
            return total;
        }

        public void accept(int row, CustomerDrafts.Result result) {
            total++;
            if (result.isValid()) {
                pending.add(result.draft());
                if (pending.size() == BATCH_SIZE) {
                    flush();
                }
                return;
            }
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

        public AddReport finish() {
            flush();
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

        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Set<String> numbers = pending.stream().map(CustomerDraft::phone).collect(Collectors.toSet());
            Set<String> blocked = blacklist.blocked(businessId, numbers);
            Set<String> registered = dnc.blocked(businessId, numbers);
            List<CustomerRepository.NewRow> rows = pending.stream()
                    .map(draft -> new CustomerRepository.NewRow(draft, blocked.contains(draft.phone()),
                            registered.contains(draft.phone())))
                    .toList();
            customers.insertBatch(businessId, campaignId, importId, rows, now);
            added += rows.size();
            pending.clear();
        }

        private String describe(List<FieldViolation> violations) {
            return violations.stream()
                    .map(v -> v.field() + " " + messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale))
                    .collect(Collectors.joining("; "));
        }
    }
}
