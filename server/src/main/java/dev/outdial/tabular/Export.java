package dev.outdial.tabular;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A list streamed to the response as CSV or .xlsx: rows are read and written one batch at a time
 * after the controller returns, so a million of them never sit in memory. Everything that needs
 * the request (the business, its checks, the language) is settled before; the body only reads.
 */
public final class Export {

    private Export() {
    }

    /** Rows handed one by one to a consumer, in order. */
    @FunctionalInterface
    public interface Rows<T> {

        void forEach(Consumer<? super T> row);
    }

    /**
     * The download {@code name.csv} or {@code name.xlsx}: a header row, then a row per item. The
     * columns are asked for when the body starts, so they may depend on a first pass over the rows.
     */
    public static <T> ResponseEntity<StreamingResponseBody> of(ExportFormat format, String name, ZoneId zone,
                                                               Supplier<List<ExportColumn<T>>> columns, Rows<T> rows) {
        StreamingResponseBody body = out -> {
            List<ExportColumn<T>> chosen = columns.get();
            TableWriter writer = format.open(out);
            writer.row(chosen.stream().map(ExportColumn::header).toList());
            try {
                rows.forEach(item -> {
                    List<Object> cells = new ArrayList<>(chosen.size());
                    for (ExportColumn<T> column : chosen) {
                        cells.add(cell(column.value().apply(item), zone));
                    }
                    try {
                        writer.row(cells);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.finish();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name + "." + format.extension()).build().toString())
                .contentType(format.mediaType())
                .body(body);
    }

    private static Object cell(Object value, ZoneId zone) {
        return switch (value) {
            case null -> null;
            case Number number -> number;
            case Instant time -> time.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime();
            default -> value.toString();
        };
    }
}
