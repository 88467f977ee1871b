package dev.outdial.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.shared.InvalidInputException;
import dev.outdial.testing.Spreadsheets;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: an .xlsx is read row by row with its shared strings on disk, so the heap does not grow
 * with the workbook; every kind of cell reads as before, and hostile parts are refused.
 */
class XlsxRowsTest {

    private static final String SST = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";

    @TempDir
    Path folder;

    @Test
    void everyKindOfCellReadsAsItsText() throws IOException {
        byte[] workbook = Spreadsheets.handWritten("""
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>
                <row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve"> Giang </t></is></c>
                  <c r="B3"><v>84912345678</v></c><c r="C3" s="1"><v>46082</v></c><c r="D3"><v>1.5E10</v></c>
                  <c r="E3" t="b"><v>1</v></c><c r="F3" t="str"><f>A3&amp;"!"</f><v>Giang!</v></c><c r="G3" t="e"><v>#N/A</v></c>
                  <c r="H3"><v>2.50</v></c><c r="I3" s="2"/></row>
                <row><c t="s"><v>3</v></c><c><v>007</v></c></row>
                <row r="9"/>""", SST + """
                <si><t>name</t></si><si><t>phone</t></si>
                <si><r><rPr><b/></rPr><t>Ghi </t></r><r><t>chú</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>
                <si><t>Hải &amp; &lt;Bình&gt;</t></si></sst>""");

        List<SpreadsheetRow> rows = read(workbook);

        assertThat(rows).extracting(SpreadsheetRow::number).containsExactly(1, 3, 4);
        assertThat(rows.get(0).cells()).containsExactly("name", "phone", "", "Ghi chú");
        assertThat(rows.get(1).cells()).as("a date is its serial day, as before; an empty styled cell is empty")
                .containsExactly(" Giang ", "84912345678", "46082", "15000000000", "true", "Giang!", "#N/A", "2.5", "");
        assertThat(rows.get(2).cells()).containsExactly("Hải & <Bình>", "7");
    }

    @Test
    void theFirstSheetIsTheWorkbooksFirstWhateverItsPartIsCalled() throws IOException {
        byte[] workbook = Spreadsheets.handWritten("<row r=\"1\"><c t=\"inlineStr\"><is><t>first</t></is></c></row>", null);

        assertThat(read(workbook)).singleElement().extracting(SpreadsheetRow::cells).isEqualTo(List.of("first"));
    }

    @Test
    void aWorkbookWrittenByASpreadsheetWriterReadsBack() throws IOException {
        byte[] workbook = Spreadsheets.xlsx(List.of(List.of("name", "phone"), List.of("Giang", 84912000101L),
                List.of("Hải", "+84912000102")));

        assertThat(read(workbook)).extracting(SpreadsheetRow::cells).containsExactly(List.of("name", "phone"),
                List.of("Giang", "84912000101"), List.of("Hải", "+84912000102"));
    }

    /** What Outdial exports (inline strings, numbers, date cells) imports back: the user edits an export and sends it. */
    @Test
    void aWorkbookOutdialExportedReadsBack() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        TableWriter writer = ExportFormat.XLSX.open(out);
        writer.row(List.of("name", "phone", "calls", "added"));
        writer.row(java.util.Arrays.asList("An & <Bình>", "+84912000101", 3,
                java.time.OffsetDateTime.of(2026, 3, 1, 12, 0, 0, 0, java.time.ZoneOffset.UTC)));
        writer.row(java.util.Arrays.asList("=1+1", null, 2.5, null));
        writer.finish();

        assertThat(read(out.toByteArray())).extracting(SpreadsheetRow::cells).containsExactly(
                List.of("name", "phone", "calls", "added"),
                List.of("An & <Bình>", "+84912000101", "3", "46082.5"),
                List.of("=1+1", "", "2.5"));
    }

    @Test
    void aSharedStringLongerThanExcelAllowsIsRefusedNamingTheLimit() {
        byte[] workbook = Spreadsheets.handWritten("<row r=\"1\"><c t=\"s\"><v>1</v></c></row>",
                SST + "<si><t>phone</t></si><si><t>" + "x".repeat(SharedStrings.MAX_CHARS + 1) + "</t></si></sst>");

        assertThatThrownBy(() -> read(workbook)).isInstanceOfSatisfying(InvalidInputException.class, refused -> {
            assertThat(refused.violations()).singleElement().satisfies(violation -> {
                assertThat(violation.messageKey()).isEqualTo("file.shared-string-too-long");
                assertThat(violation.args()).containsExactly(2, SharedStrings.MAX_CHARS);
            });
        });
    }

    @Test
    void aCellOverTenThousandCharactersIsRefusedNamingItsRow() {
        byte[] workbook = Spreadsheets.handWritten("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"
                + "<row r=\"5\"><c t=\"s\"><v>1</v></c></row>",
                SST + "<si><t>phone</t></si><si><t>" + "9".repeat(CsvRows.MAX_CELL_CHARS + 1) + "</t></si></sst>");

        assertThatThrownBy(() -> read(workbook)).isInstanceOfSatisfying(InvalidInputException.class, refused ->
                assertThat(refused.violations()).singleElement().satisfies(violation -> {
                    assertThat(violation.messageKey()).isEqualTo("file.row-too-long");
                    assertThat(violation.args()[0]).isEqualTo(5);
                }));
    }

    @Test
    void anEntityPointingOutsideTheFileIsNeverFetched() throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "the server's secret");
        byte[] workbook = Spreadsheets.handWritten("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>",
                "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                        + SST + "<si><t>&xxe;</t></si></sst>");

        assertThatThrownBy(() -> read(workbook)).isInstanceOfSatisfying(InvalidInputException.class, refused ->
                assertThat(refused.violations()).singleElement().extracting(v -> v.messageKey())
                        .isEqualTo("file.corrupt"));
    }

    @Test
    void aCellPointingPastTheSharedStringsIsADamagedFile() {
        byte[] workbook = Spreadsheets.handWritten("<row r=\"1\"><c t=\"s\"><v>2</v></c></row>",
                SST + "<si><t>phone</t></si></sst>");

        assertThatThrownBy(() -> read(workbook)).isInstanceOfSatisfying(InvalidInputException.class, refused ->
                assertThat(refused.violations()).singleElement().extracting(v -> v.messageKey())
                        .isEqualTo("file.corrupt"));
    }

    /** The temporary files of the table have no name from the moment they are open: a killed node leaves none. */
    @Test
    void theSharedStringsLeaveNoFileBehindWhileReadingNorAfterAFailure() throws IOException {
        byte[] workbook = Spreadsheets.handWritten("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"
                + "<row r=\"2\"><c t=\"s\"><v>1</v></c></row>", SST + "<si><t>phone</t></si><si><t>0912</t></si></sst>");
        long before = sharedStringFiles();
        List<Long> during = new ArrayList<>();
        Path file = write(workbook);

        assertThatThrownBy(() -> SpreadsheetRows.read(file, row -> {
            during.add(sharedStringFiles());
            if (row.number() == 2) {
                throw new IllegalStateException("the import failed");
            }
        })).hasMessage("the import failed");

        assertThat(during).containsExactly(before, before);
        assertThat(sharedStringFiles()).isEqualTo(before);
    }

    /**
     * 600,000 distinct texts of 60 characters, 36 MB of text, read by a JVM whose whole heap is 32 MB:
     * a reader holding the shared strings in memory (as fastexcel-reader did) cannot even keep them.
     */
    @Test
    void aWorkbookWithMoreSharedTextThanTheHeapIsReadInFull() throws Exception {
        int rows = 600_000;
        Path workbook = folder.resolve("distinct.xlsx");
        writeDistinctTexts(workbook, rows);
        Path output = folder.resolve("child.out");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("java.class.path"), SmallHeapReader.class.getName(),
                workbook.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();

        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the reader finished").isTrue();
        assertThat(Files.readString(output)).contains("rows=" + rows + " last=" + SmallHeapReader.text(rows - 1));
        assertThat(child.exitValue()).isZero();
    }

    /** Row i holds shared string i, {@link SmallHeapReader#text(int)}. */
    private static void writeDistinctTexts(Path file, int rows) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            byte[] whole = Spreadsheets.handWritten("", SST + "</sst>");
            try (var template = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(whole))) {
                for (ZipEntry entry = template.getNextEntry(); entry != null; entry = template.getNextEntry()) {
                    if (!entry.getName().endsWith("first.xml") && !entry.getName().endsWith("sharedStrings.xml")) {
                        zip.putNextEntry(new ZipEntry(entry.getName()));
                        template.transferTo(zip);
                    }
                }
            }
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            write(zip, SST);
            for (int i = 0; i < rows; i++) {
                write(zip, "<si><t>" + SmallHeapReader.text(i) + "</t></si>");
            }
            write(zip, "</sst>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/first.xml"));
            write(zip, "<worksheet><sheetData>");
            for (int i = 0; i < rows; i++) {
                write(zip, "<row><c t=\"s\"><v>" + i + "</v></c></row>");
            }
            write(zip, "</sheetData></worksheet>");
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<SpreadsheetRow> read(byte[] workbook) throws IOException {
        List<SpreadsheetRow> rows = new ArrayList<>();
        SpreadsheetRows.read(write(workbook), rows::add);
        return rows;
    }

    private Path write(byte[] workbook) throws IOException {
        return Files.write(Files.createTempFile(folder, "workbook", ".xlsx"), workbook);
    }

    private static long sharedStringFiles() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("outdial-shared-strings-")).count();
        } catch (IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    /** Reads a workbook in a JVM of its own, checking each row's text, and prints what it read. */
    public static final class SmallHeapReader {

        static String text(int i) {
            return "customer %010d, a distinct text of sixty characters....".formatted(i);
        }

        public static void main(String[] args) {
            int[] count = {0};
            String[] last = {""};
            SpreadsheetRows.read(Path.of(args[0]), row -> {
                if (!row.cell(0).equals(text(count[0]).strip())) {
                    throw new IllegalStateException("row " + row.number() + " read " + row.cell(0));
                }
                last[0] = row.cell(0);
                count[0]++;
            });
            System.out.println("rows=" + count[0] + " last=" + last[0]);
        }
    }
}
