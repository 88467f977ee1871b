package dev.outdial.customer.internal;

import dev.outdial.shared.InvalidInputException;
import dev.outdial.tabular.SpreadsheetRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a file import in the background: every row in ONE transaction, so a file that turns out
 * broken half-way adds nothing (SPEC §4.3: "a failed import adds nothing half-way"), while the
 * rows read so far are published in short transactions of their own for the progress bar.
 */
@Component
public class ImportRunner implements ApplicationRunner {

    static final int PROGRESS_EVERY = 5_000;
    /** Imports at least this large refresh the planner's statistics once committed. */
    static final int ANALYZE_FROM_ROWS = 50_000;
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final CustomerDrafts drafts;
    private final CustomerWriter writer;
    private final ImportRepository imports;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate rows;
    private final TransactionTemplate progress;
    private final PostgresBulk database;
    private final MeterRegistry metrics;
    private final ParallelDrafts parallelDrafts;

    ImportRunner(CustomerDrafts drafts, CustomerWriter writer, ImportRepository imports, MessageSource messages,
                 Clock clock, PlatformTransactionManager transactions, PostgresBulk database, MeterRegistry metrics,
                 ParallelDrafts parallelDrafts) {
        this.parallelDrafts = parallelDrafts;
        this.database = database;
        this.metrics = metrics;
        this.drafts = drafts;
        this.writer = writer;
        this.imports = imports;
        this.messages = messages;
        this.clock = clock;
        this.rows = new TransactionTemplate(transactions);
        this.progress = new TransactionTemplate(transactions);
        this.progress.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void run(long businessId, long campaignId, long importId, Path file, Locale locale) {
        try {
            int added = rows.execute(status -> importRows(businessId, campaignId, importId, file, locale));
            if (added >= ANALYZE_FROM_ROWS) {
                database.analyze("campaign_customer");
            }
        } catch (InvalidInputException refused) {
            imports.fail(importId, describe(refused, locale), clock.instant());
        } catch (RuntimeException failure) {
            log.error("Import {} failed", importId, failure);
            imports.fail(importId, messages.getMessage("customer.import.failed", null, "The import failed", locale),
                    clock.instant());
        } finally {
            deleteQuietly(file);
        }
    }

    /** Reads every row into the campaign; returns how many customers it added. */
    private int importRows(long businessId, long campaignId, long importId, Path file, Locale locale) {
        CustomerDrafts.Context context = drafts.contextFor(businessId);
        CustomerWriter.Session session = writer.open(businessId, campaignId, importId, clock.instant(), locale);
        database.deferSearchIndexes();
        AtomicReference<ImportColumns> columns = new AtomicReference<>();
        // rate() of it is the import speed in rows per second.
        Counter rowsRead = Counter.builder("outdial.import.rows").description("Rows of customer files imported")
                .tag("business", String.valueOf(businessId)).register(metrics);
        // The search indexes' merging runs on another core while the rows are written.
        try (PostgresBulk.Merging merging = database.mergeSearchIndexesMeanwhile("campaign_customer")) {
            ParallelDrafts.Stream drafted = parallelDrafts.open(businessId, context, (row, result, listed) -> {
                session.accept(row, result, listed);
                rowsRead.increment();
                if (session.rowsRead() % PROGRESS_EVERY == 0) {
                    progress.executeWithoutResult(status -> imports.progress(importId, session.rowsRead()));
                }
            });
            SpreadsheetRows.read(file, row -> {
                if (columns.get() == null) {
                    ImportColumns header = ImportColumns.of(row);
                    if (!header.hasPhone()) {
                        throw new InvalidInputException(SpreadsheetRows.FIELD, "customer.import.no-phone-column");
                    }
                    columns.set(header);
                    return;
                }
                drafted.add(new ParallelDrafts.Row(row.number(), columns.get().customer(row)));
            });
            if (columns.get() == null) {
                throw new InvalidInputException(SpreadsheetRows.FIELD, "customer.import.empty");
            }
            drafted.finish();
            session.flush();
            log.debug("Import {}: {} pages of the search indexes' pending lists merged beside its rows", importId,
                    merging.pagesMerged());
        }
        database.mergeSearchIndexes("campaign_customer");
        return session.finish().added();
    }

    /** An import cut off by a restart rolled back with its transaction: say so rather than show it running. */
    @Override
    public void run(ApplicationArguments args) {
        int interrupted = imports.failInterrupted("Interrupted by a restart of the server; nothing was added",
                clock.instant());
        if (interrupted > 0) {
            log.warn("{} customer import(s) were interrupted by a restart and added nothing", interrupted);
        }
    }

    private String describe(InvalidInputException refused, Locale locale) {
        return refused.violations().stream()
                .map(v -> messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale))
                .collect(Collectors.joining("; "));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
