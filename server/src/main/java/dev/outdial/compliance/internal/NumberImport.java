package dev.outdial.compliance.internal;

import dev.outdial.compliance.BlockKind;
import dev.outdial.compliance.ImportReport;
import dev.outdial.compliance.NumbersBlocked;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.PhoneNumbers;
import dev.outdial.shared.Violations;
import dev.outdial.tabular.RowRejection;
import dev.outdial.tabular.SpreadsheetRow;
import dev.outdial.tabular.SpreadsheetRows;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;

/**
 * One import of a file of numbers into a list: the header row names the number column
 * ({@code phone} or {@code number}) and, for the blacklist, an optional {@code reason}; every
 * other row is one number. Rows are normalised one by one and written in batches, so the file is
 * never in memory; the caller's transaction makes the whole import one change.
 */
public final class NumberImport {

    static final List<String> NUMBER_HEADERS = List.of("phone", "number", "phone number", "số điện thoại", "sđt");
    static final List<String> REASON_HEADERS = List.of("reason", "lý do");
    static final int BATCH = 1_000;
    static final int MAX_REASON_LENGTH = 200;

    private final long businessId;
    private final BlockKind kind;
    private final String country;
    private final Instant now;
    private final BlockedNumberRepository numbers;
    private final ApplicationEventPublisher events;

    private int numberColumn = -1;
    private int reasonColumn = -1;
    private final Map<String, String> batch = new LinkedHashMap<>();
    private int added;
    private int alreadyListed;
    private int rejectedCount;
    private final List<RowRejection> rejected = new ArrayList<>();

    public NumberImport(long businessId, BlockKind kind, String country, Instant now, BlockedNumberRepository numbers,
                        ApplicationEventPublisher events) {
        this.businessId = businessId;
        this.kind = kind;
        this.country = country;
        this.now = now;
        this.numbers = numbers;
        this.events = events;
    }

    public ImportReport run(Path file) {
        SpreadsheetRows.read(file, this::row);
        if (numberColumn < 0) {
            throw new InvalidInputException(SpreadsheetRows.FIELD, "file.no-header");
        }
        flush();
        return new ImportReport(added, alreadyListed, rejectedCount, rejected);
    }

    private void row(SpreadsheetRow row) {
        if (numberColumn < 0) {
            header(row);
            return;
        }
        Violations violations = new Violations();
        String number = PhoneNumbers.toE164(row.cell(numberColumn), country, "number", violations);
        String reason = kind == BlockKind.BLACKLIST && reasonColumn >= 0 ? row.cell(reasonColumn) : "";
        violations.check(reason.length() <= MAX_REASON_LENGTH, "reason", "validation.too-long", MAX_REASON_LENGTH);
        if (!violations.isEmpty()) {
            reject(row.number(), violations);
        } else if (batch.containsKey(number)) {
            alreadyListed++;
        } else {
            batch.put(number, reason.isEmpty() ? null : reason);
            if (batch.size() >= BATCH) {
                flush();
            }
        }
    }

    private void header(SpreadsheetRow row) {
        numberColumn = row.columnNamed(NUMBER_HEADERS);
        if (numberColumn < 0) {
            throw new InvalidInputException(SpreadsheetRows.FIELD, "file.column-missing",
                    "phone / number");
        }
        reasonColumn = row.columnNamed(REASON_HEADERS);
    }

    private void reject(int row, Violations violations) {
        rejectedCount++;
        if (rejected.size() < ImportReport.MAX_DETAILED) {
            rejected.add(RowRejection.of(row, violations.list().getFirst()));
        }
    }

    /** Numbers of earlier batches are in the table by now, so a repeat across batches is counted too. */
    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> listed = numbers.existing(businessId, kind, batch.keySet());
        alreadyListed += listed.size();
        listed.forEach(batch::remove);
        if (!batch.isEmpty()) {
            numbers.insertAll(businessId, kind, batch, now);
            added += batch.size();
            events.publishEvent(new NumbersBlocked(businessId, List.copyOf(batch.keySet()), kind));
        }
        batch.clear();
    }
}
