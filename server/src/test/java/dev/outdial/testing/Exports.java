package dev.outdial.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
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

    /**
     * The cells of the first sheet, row by row, once the file passed {@link #assertStreamable}:
     * every .xlsx a test reads is checked the way a streaming reader would take it.
     */
    public static List<List<Cell>> xlsx(byte[] file) {
        assertStreamable(file);
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

    /**
     * The workbook read as streaming readers read it: entry by entry with {@link ZipInputStream}
     * (which refuses entries whose sizes lie) and each sheet by StAX; a sheet's {@code <dimension>},
     * when it declares one, must span exactly the cells it holds, since such readers trust it.
     */
    public static void assertStreamable(byte[] file) {
        int sheets = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().matches("xl/worksheets/[^/]+\\.xml")) {
                    sheets++;
                    assertDimensionTrue(entry.getName(), zip);
                } else {
                    zip.readAllBytes();
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new AssertionError("not readable as a stream: " + e, e);
        }
        if (sheets == 0) {
            throw new AssertionError("no worksheet in the workbook");
        }
    }

    private static void assertDimensionTrue(String sheet, ZipInputStream zip) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader xml = factory.createXMLStreamReader(new java.io.FilterInputStream(zip) {
            @Override
            public void close() {
                // the zip's next entries are still to be read
            }
        });
        String declared = null;
        int maxRow = 0;
        int maxColumn = 0;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (xml.getLocalName().equals("dimension")) {
                declared = xml.getAttributeValue(null, "ref");
            } else if (xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                int digits = ref.replaceAll("^[A-Z]+", "").length();
                maxRow = Math.max(maxRow, Integer.parseInt(ref.substring(ref.length() - digits)));
                maxColumn = Math.max(maxColumn, columnNumber(ref.substring(0, ref.length() - digits)));
            }
        }
        if (declared != null) {
            String actual = maxRow == 0 ? "A1" : maxRow == 1 && maxColumn == 1 ? "A1"
                    : "A1:" + columnName(maxColumn) + maxRow;
            if (!declared.equals(actual)) {
                throw new AssertionError(sheet + " declares <dimension ref=\"" + declared + "\"/> but holds " + actual);
            }
        }
    }

    private static int columnNumber(String letters) {
        int number = 0;
        for (char c : letters.toCharArray()) {
            number = number * 26 + (c - 'A' + 1);
        }
        return number;
    }

    private static String columnName(int number) {
        StringBuilder name = new StringBuilder();
        for (int n = number; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
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
