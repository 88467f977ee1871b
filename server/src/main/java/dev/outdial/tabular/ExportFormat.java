package dev.outdial.tabular;

import dev.outdial.shared.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.springframework.http.MediaType;

/** The file kinds a list is exported as: CSV (UTF-8 with a BOM, RFC 4180) or Excel .xlsx. */
public enum ExportFormat {

    CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8")),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final String extension;
    private final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The format a request names; anything else is refused naming the parameter {@code format}. */
    public static ExportFormat of(String given) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(given == null ? null : given.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new InvalidInputException("format", "export.format.unknown", String.valueOf(given));
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    TableWriter open(OutputStream out) throws IOException {
        return switch (this) {
            case CSV -> new CsvTableWriter(out);
            case XLSX -> new XlsxTableWriter(out);
        };
    }
}
