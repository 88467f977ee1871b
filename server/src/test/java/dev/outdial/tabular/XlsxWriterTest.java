package dev.outdial.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.testing.Exports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.Test;

/** Issue 17: every .xlsx written reads right with a streaming reader, dates as date cells. */
class XlsxWriterTest {

    @Test
    void aStreamingReaderSeesEveryCellAndDatesAsDates() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter writer = ExportFormat.XLSX.open(out);
        writer.row(List.of("Name", "Count", "At"));
        writer.row(Arrays.asList("An & <Bình>", 3, OffsetDateTime.of(2026, 3, 1, 14, 30, 5, 0, ZoneOffset.ofHours(7))));
        writer.row(Arrays.asList("=1+1\u0001", null, 2.5));
        writer.finish();

        List<List<Cell>> rows = Exports.xlsx(out.toByteArray());

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(0).getText()).isEqualTo("An & <Bình>");
        assertThat(rows.get(1).get(1).getType()).isEqualTo(CellType.NUMBER);
        Cell at = rows.get(1).get(2);
        assertThat(at.getType()).isEqualTo(CellType.NUMBER);
        assertThat(at.asDate()).as("the business's local time").isEqualTo(LocalDateTime.of(2026, 3, 1, 14, 30, 5));
        assertThat(rows.get(2).get(0).getType()).isEqualTo(CellType.STRING);
        assertThat(rows.get(2).get(0).getFormula()).isNull();
        assertThat(rows.get(2).get(0).getText()).isEqualTo("=1+1");
        assertThat(rows.get(2).get(2).asNumber()).isEqualByComparingTo("2.5");
    }

    @Test
    void theStreamingCheckRefusesAWorkbookDeclaringOneCell() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Outdial", "1.0");
        Worksheet sheet = workbook.newWorksheet("Export");
        sheet.value(0, 0, "a");
        sheet.value(1, 1, "b");
        sheet.flush();
        workbook.finish();

        assertThatThrownBy(() -> Exports.assertStreamable(out.toByteArray())).isInstanceOf(AssertionError.class);
    }

    @Test
    void columnsAreNamedAsSpreadsheetsDo() {
        assertThat(XlsxWriter.columnName(0)).isEqualTo("A");
        assertThat(XlsxWriter.columnName(25)).isEqualTo("Z");
        assertThat(XlsxWriter.columnName(26)).isEqualTo("AA");
        assertThat(XlsxWriter.columnName(701)).isEqualTo("ZZ");
        assertThat(XlsxWriter.columnName(702)).isEqualTo("AAA");
    }
}
