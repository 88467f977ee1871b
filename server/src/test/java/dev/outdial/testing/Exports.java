package dev.outdial.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Exported files read back as a spreadsheet would: CSV by RFC 4180, .xlsx by fastexcel's reader. */
public final class Exports {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Exports() {
    }

    public static boolean startsWithBom(byte[] file) {
        return file.length >= 3 && Arrays.equals(Arrays.copyOf(file, 3), BOM);
    }

    /** The rows of a CSV after its BOM, each field unquoted. */
    public static List<List<String>> csv(byte[] file) {
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    /** The cells of the first sheet, row by row. */
    public static List<List<Cell>> xlsx(byte[] file) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<List<Cell>> rows = new ArrayList<>();
            try (var sheet = workbook.getFirstSheet().openStream()) {
                sheet.forEach((Row row) -> rows.add(row.stream().toList()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@code header} stands in a header row. */
    public static int column(List<String> headers, String header) {
        int column = headers.indexOf(header);
        if (column < 0) {
            throw new AssertionError("no column " + header + " in " + headers);
        }
        return column;
    }
}
