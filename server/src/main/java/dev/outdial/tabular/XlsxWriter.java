package dev.outdial.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A one-sheet .xlsx written row by row straight to its output, holding none of it. It declares no
 * {@code <dimension>} (optional in SpreadsheetML): a streaming writer cannot know the size up front,
 * and a wrong one ({@code A1}) makes streaming readers see a single cell. The zip is
 * {@link ZipOutputStream}'s, readable by {@link java.util.zip.ZipInputStream}. Text is an inline
 * string, never a formula; a date-time is a real date cell in the time it is given in.
 */
public final class XlsxWriter {

    /** How a cell or a whole column looks; the ids are the {@code cellXfs} of {@link #STYLES}. */
    public enum Style {
        PLAIN(0), BOLD(1), DATE_TIME(2), TEXT(3);

        private final int id;

        Style(int id) {
            this.id = id;
        }
    }

    /** A column's width in characters and the style its empty cells take (e.g. TEXT for phone numbers). */
    public record Column(double width, Style style) {
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="%s"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""".formatted(MAIN);
    /** Day 0 of Excel's 1900 date system, as the serials after February 1900 count it. */
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);

    private final ZipOutputStream zip;
    private final Writer sheet;
    private int rows;

    public XlsxWriter(OutputStream out, String sheetName, List<Column> columns) throws IOException {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        entry("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>""");
        entry("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="%s"><Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="xl/workbook.xml"/></Relationships>""".formatted(PACKAGE_RELATIONSHIPS));
        entry("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>"""
                .formatted(MAIN, RELATIONSHIPS, escaped(sheetName)));
        entry("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="%1$s">\
                <Relationship Id="rId1" Type="%2$s/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="%2$s/styles" Target="styles.xml"/></Relationships>"""
                .formatted(PACKAGE_RELATIONSHIPS, RELATIONSHIPS));
        entry("xl/styles.xml", STYLES);
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN + "\">");
        if (!columns.isEmpty()) {
            sheet.write("<cols>");
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                sheet.write("<col min=\"%d\" max=\"%d\" width=\"%s\" customWidth=\"1\" style=\"%d\"/>"
                        .formatted(i + 1, i + 1, column.width(), column.style().id));
            }
            sheet.write("</cols>");
        }
        sheet.write("<sheetData>");
    }

    /**
     * The next row: each cell null (empty), a {@link Number}, a {@link LocalDateTime} or
     * {@link OffsetDateTime} (a date cell in its own local time), or text; all in {@code style}
     * unless a date needs its format.
     */
    public void row(List<?> cells, Style style) throws IOException {
        rows++;
        StringBuilder xml = new StringBuilder(64 * cells.size() + 16).append("<row r=\"").append(rows).append("\">");
        for (int column = 0; column < cells.size(); column++) {
            Object cell = cells.get(column);
            if (cell == null) {
                continue;
            }
            String ref = columnName(column) + rows;
            switch (cell) {
                case Double number when !Double.isFinite(number) -> { }
                case Number number -> xml.append("<c r=\"").append(ref).append("\" s=\"").append(style.id)
                        .append("\"><v>").append(number).append("</v></c>");
                case OffsetDateTime time -> dateCell(xml, ref, time.toLocalDateTime());
                case LocalDateTime time -> dateCell(xml, ref, time);
                default -> xml.append("<c r=\"").append(ref).append("\" s=\"").append(style.id)
                        .append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">").append(escaped(cell.toString()))
                        .append("</t></is></c>");
            }
        }
        sheet.write(xml.append("</row>").toString());
    }

    /** Completes the file; the output stays open. */
    public void finish() throws IOException {
        sheet.write("</sheetData></worksheet>");
        sheet.flush();
        zip.closeEntry();
        zip.finish();
    }

    private static void dateCell(StringBuilder xml, String ref, LocalDateTime time) {
        double serial = ChronoUnit.DAYS.between(EPOCH, time.toLocalDate()) + time.toLocalTime().toSecondOfDay() / 86_400.0;
        xml.append("<c r=\"").append(ref).append("\" s=\"").append(Style.DATE_TIME.id).append("\"><v>").append(serial)
                .append("</v></c>");
    }

    private void entry(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A for 0, Z for 25, AA for 26… */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }

    /** XML's five escapes, and the control characters XML 1.0 cannot carry dropped. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
