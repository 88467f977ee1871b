package dev.outdial.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * An export as an .xlsx of one sheet, rows streamed to the output as they come: a bold header row,
 * then the rows with dates as date cells; text is never a formula, so phone numbers stay text and
 * nothing a customer typed runs.
 */
final class XlsxTableWriter implements TableWriter {

    private final XlsxWriter xlsx;
    private boolean headerWritten;

    XlsxTableWriter(OutputStream out) throws IOException {
        this.xlsx = new XlsxWriter(out, "Export", List.of());
    }

    @Override
    public void row(List<?> cells) throws IOException {
        xlsx.row(cells, headerWritten ? XlsxWriter.Style.PLAIN : XlsxWriter.Style.BOLD);
        headerWritten = true;
    }

    @Override
    public void finish() throws IOException {
        xlsx.finish();
    }
}
