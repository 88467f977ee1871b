package dev.outdial.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An .xlsx of one sheet by fastexcel's streaming writer, rows flushed to the output as they come.
 * Text goes in as an inline string cell (no shared-strings table growing with the rows), never a
 * formula, so phone numbers stay text and nothing a customer typed runs.
 */
final class XlsxTableWriter implements TableWriter {

    /** fastexcel keeps rows until flushed; flushing every so many keeps memory flat. */
    private static final int FLUSH_EVERY = 500;

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    XlsxTableWriter(OutputStream out) {
        this.workbook = new Workbook(out, "Outdial", "1.0");
        this.sheet = workbook.newWorksheet("Export");
    }

    @Override
    public void row(List<?> cells) throws IOException {
        for (int column = 0; column < cells.size(); column++) {
            switch (cells.get(column)) {
                case null -> { }
                case Number number -> sheet.value(row, column, number);
                case Object text -> sheet.inlineString(row, column, text.toString());
            }
        }
        if (++row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        workbook.finish();
    }
}
