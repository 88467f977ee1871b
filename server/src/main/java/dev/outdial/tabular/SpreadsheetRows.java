package dev.outdial.tabular;

import dev.outdial.shared.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads an uploaded CSV or .xlsx file row by row. What the file is comes from its first bytes, not
 * its name: a renamed binary, an old .xls, a damaged workbook or one that unpacks to far more than
 * it weighs is refused with an {@link InvalidInputException} on the field {@code file}. Callers
 * read inside their transaction, so a file refused half-way adds nothing.
 */
public final class SpreadsheetRows {

    public static final String FIELD = "file";

    private SpreadsheetRows() {
    }

    /**
     * Refuses at once a file that is not a CSV or .xlsx workbook (or unpacks to far more than it
     * weighs), so an import that runs later in the background can be refused while the person waits.
     */
    public static void check(Path file) {
        try {
            if (FileKind.of(file) == FileKind.XLSX) {
                ZipBombGuard.check(file);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Hands every non-blank row to {@code rows}, the header row included (it is the first). */
    public static void read(Path file, Consumer<SpreadsheetRow> rows) {
        Consumer<SpreadsheetRow> nonBlank = row -> {
            if (!row.isBlank()) {
                rows.accept(row);
            }
        };
        try {
            switch (FileKind.of(file)) {
                case CSV -> CsvRows.read(file, nonBlank);
                case XLSX -> XlsxRows.read(file, nonBlank);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static InvalidInputException refused(String messageKey, Object... args) {
        return new InvalidInputException(FIELD, messageKey, args);
    }
}
