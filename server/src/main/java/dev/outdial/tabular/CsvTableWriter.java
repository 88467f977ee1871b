package dev.outdial.tabular;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as RFC 4180 writes it (comma, CRLF, a field quoted when it holds a comma, quote or line
 * break), in UTF-8 with a byte order mark so that Excel reads the accents right. Text a spreadsheet
 * would take for a formula gets a leading single quote (OWASP, CSV injection), but for E.164 phone numbers.
 */
final class CsvTableWriter implements TableWriter {

    private static final char BOM = '\uFEFF';
    private static final Pattern E164 = Pattern.compile("\\+[0-9]{7,15}");

    private final Writer out;

    CsvTableWriter(OutputStream out) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.out.write(BOM);
    }

    @Override
    public void row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object cell = cells.get(i);
            if (cell != null) {
                out.write(field(switch (cell) {
                    case Number number -> number.toString();
                    case OffsetDateTime time -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
                    default -> neutralised(cell.toString());
                }));
            }
        }
        out.write("\r\n");
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    /**
     * A text cell starting with {@code = + - @}, a tab or a carriage return, behind a single quote;
     * except an E.164 phone number, which cannot carry a formula and is worth keeping dialable.
     */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !E164.matcher(text).matches()) {
            return "'" + text;
        }
        return text;
    }

    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
