package dev.outdial.tabular;

import java.io.IOException;
import java.util.List;

/**
 * Writes a table row by row straight to the output, holding none of it. A cell is null (empty), a
 * {@link Number}, an {@link java.time.OffsetDateTime} (in the business's time zone), or text, which
 * is never run as a formula.
 */
interface TableWriter {

    void row(List<?> cells) throws IOException;

    /** Completes the file; the output stays open. */
    void finish() throws IOException;
}
