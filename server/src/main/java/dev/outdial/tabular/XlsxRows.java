package dev.outdial.tabular;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an .xlsx, streamed by fastexcel from the file on disk (its InputStream
 * constructor would copy the whole file into memory). Numbers come out as written, without an
 * exponent: a phone typed as a number, 84912345678, must not become 8.4912345678E10.
 */
final class XlsxRows {

    private XlsxRows() {
    }

    static void read(Path file, Consumer<SpreadsheetRow> rows) throws IOException {
        ZipBombGuard.check(file);
        try (ReadableWorkbook workbook = open(file); Stream<Row> sheet = firstSheet(workbook)) {
            Iterator<Row> iterator = sheet.iterator();
            for (Row row = next(iterator); row != null; row = next(iterator)) {
                rows.accept(new SpreadsheetRow(row.getRowNum(), cells(row)));
            }
        }
    }

    private static ReadableWorkbook open(Path file) {
        try {
            return new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
        } catch (IOException | RuntimeException damaged) {
            throw SpreadsheetRows.refused("file.corrupt");
        }
    }

    private static Stream<Row> firstSheet(ReadableWorkbook workbook) {
        try {
            return workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException damaged) {
            throw SpreadsheetRows.refused("file.corrupt");
        }
    }

    /** Only the library's own failures mean a damaged file; the caller's failures pass through untouched. */
    private static Row next(Iterator<Row> rows) {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (RuntimeException damaged) {
            throw SpreadsheetRows.refused("file.corrupt");
        }
    }

    private static List<String> cells(Row row) {
        if (row.getCellCount() > CsvRows.MAX_CELLS) {
            throw SpreadsheetRows.refused("file.row-too-long", row.getRowNum(), CsvRows.MAX_CELL_CHARS, CsvRows.MAX_CELLS);
        }
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal number = cell.asNumber();
            return number == null ? "" : number.stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }
}
