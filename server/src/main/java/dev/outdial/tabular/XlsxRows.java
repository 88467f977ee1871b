package dev.outdial.tabular;

import dev.outdial.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first sheet of an .xlsx, its XML streamed from the file on disk one row at a time, each
 * shared string read from {@link SharedStrings} (on disk too) when a cell points at it: the heap
 * holds one row, whatever the workbook's size. Numbers come out as written, without an exponent:
 * a phone typed as a number, 84912345678, must not become 8.4912345678E10. A date is a number
 * with a date format, and reads as that number (the serial day), as before.
 */
final class XlsxRows {

    private final XMLStreamReader xml;
    private final SharedStrings strings;
    private final StringBuilder text = new StringBuilder();
    private final List<String> cells = new ArrayList<>();
    private int rowNumber;

    private XlsxRows(XMLStreamReader xml, SharedStrings strings) {
        this.xml = xml;
        this.strings = strings;
    }

    /** Only the parser's failures mean a damaged file; the caller's failures pass through untouched. */
    static void read(Path file, Consumer<SpreadsheetRow> rows) throws IOException {
        ZipBombGuard.check(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            WorkbookParts parts = WorkbookParts.of(zip);
            try (SharedStrings strings = sharedStrings(zip, parts);
                 InputStream sheet = WorkbookParts.required(zip, parts.firstSheet())) {
                XMLStreamReader xml = XmlParts.open(sheet);
                new XlsxRows(xml, strings).each(row -> {
                    try {
                        rows.accept(row);
                    } catch (RuntimeException failure) {
                        throw new CallerFailure(failure);
                    }
                });
                xml.close();
            }
        } catch (CallerFailure failure) {
            throw failure.original;
        } catch (XMLStreamException | RuntimeException damaged) {
            if (damaged instanceof InvalidInputException refused) {
                throw refused;
            }
            // The parser's own unchecked failures (a byte sequence that is not UTF-8, say) mean a damaged file too.
            throw SpreadsheetRows.refused("file.corrupt");
        }
    }

    /** The caller's failure, carried past the parser's handling untouched. */
    private static final class CallerFailure extends RuntimeException {

        private final RuntimeException original;

        CallerFailure(RuntimeException original) {
            super(null, null, false, false);
            this.original = original;
        }
    }

    private static SharedStrings sharedStrings(ZipFile zip, WorkbookParts parts)
            throws IOException, XMLStreamException {
        if (parts.sharedStrings() == null) {
            return SharedStrings.none();
        }
        try (InputStream part = WorkbookParts.required(zip, parts.sharedStrings())) {
            return SharedStrings.read(part);
        }
    }

    private void each(Consumer<SpreadsheetRow> rows) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "row" -> startRow();
                    case "c" -> readCell();
                    default -> {
                    }
                }
            } else if (event == XMLStreamReader.END_ELEMENT && "row".equals(xml.getLocalName())) {
                rows.accept(new SpreadsheetRow(rowNumber, cells));
            }
        }
    }

    /** A row without its number ({@code r}) follows the one before it. */
    private void startRow() {
        String number = xml.getAttributeValue(null, "r");
        rowNumber = number == null ? rowNumber + 1 : nonNegative(number);
        cells.clear();
    }

    private void readCell() throws XMLStreamException {
        String reference = xml.getAttributeValue(null, "r");
        String type = xml.getAttributeValue(null, "t");
        int column = reference == null ? cells.size() : columnOf(reference);
        if (column >= CsvRows.MAX_CELLS) {
            throw tooLong();
        }
        String value = null;
        text.setLength(0);
        for (int event = xml.next(); event != XMLStreamReader.END_ELEMENT; event = xml.next()) {
            if (event == XMLStreamReader.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> {
                        XmlParts.appendText(xml, text, CsvRows.MAX_CELL_CHARS);
                        value = text.toString();
                    }
                    case "is" -> {
                        XmlParts.appendRichText(xml, text, CsvRows.MAX_CELL_CHARS);
                        value = text.toString();
                    }
                    default -> XmlParts.skipElement(xml);
                }
            }
        }
        String cell = value == null ? "" : typed(type, value);
        if (cell.length() > CsvRows.MAX_CELL_CHARS) {
            throw tooLong();
        }
        while (cells.size() <= column) {
            cells.add("");
        }
        cells.set(column, cell);
    }

    /** A cell's text by its type ({@code t}): a shared string's number, a boolean, a number, or text as it is. */
    private String typed(String type, String value) {
        if (type == null || type.equals("n")) {
            return plainNumber(value);
        }
        return switch (type) {
            case "s" -> value.isEmpty() ? "" : strings.get(nonNegative(value.strip()));
            case "b" -> String.valueOf(value.equals("1") || value.equalsIgnoreCase("true"));
            default -> value;
        };
    }

    /** 84912345678 stays so, 1.5E10 becomes 15000000000, 2.50 becomes 2.5. */
    private static String plainNumber(String value) {
        if (value.isEmpty() || isCanonicalInteger(value)) {
            return value;
        }
        try {
            return new BigDecimal(value.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            throw SpreadsheetRows.refused("file.corrupt");
        }
    }

    /** Digits without a leading zero: already what {@link BigDecimal#toPlainString()} would give, at no cost. */
    private static boolean isCanonicalInteger(String value) {
        if (value.length() > 1 && value.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** "C12" is column 2 (from 0); the letters end where the row's digits start. */
    private int columnOf(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
                if (column > CsvRows.MAX_CELLS) {
                    throw tooLong();
                }
            } else {
                break;
            }
        }
        if (column == 0) {
            throw SpreadsheetRows.refused("file.corrupt");
        }
        return column - 1;
    }

    private static int nonNegative(String number) {
        try {
            int value = Integer.parseInt(number);
            if (value < 0) {
                throw SpreadsheetRows.refused("file.corrupt");
            }
            return value;
        } catch (NumberFormatException notANumber) {
            throw SpreadsheetRows.refused("file.corrupt");
        }
    }

    private RuntimeException tooLong() {
        return SpreadsheetRows.refused("file.row-too-long", rowNumber, CsvRows.MAX_CELL_CHARS, CsvRows.MAX_CELLS);
    }
}
