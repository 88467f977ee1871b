package dev.outdial.tabular;

import java.util.function.Function;

/**
 * One column of an export: its header and the cell of a row. A cell is null, a {@link Number}, an
 * {@link java.time.Instant} (written ISO-8601 in the business's time zone) or text.
 */
public record ExportColumn<T>(String header, Function<? super T, ?> value) {

    public static <T> ExportColumn<T> of(String header, Function<? super T, ?> value) {
        return new ExportColumn<>(header, value);
    }
}
