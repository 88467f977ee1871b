package dev.outdial.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bench's customers as an .xlsx the way Excel saves one: every text cell a shared string
 * (so the reader meets a shared-strings table of three strings per row), the phone as text.
 * Written as a stream, whatever the number of rows; the bench has no spreadsheet library.
 */
final class BenchWorkbook {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String[] HEADER = {"name", "phone", "external ID", "city"};
    private static final int CITIES = 50;

    private BenchWorkbook() {
    }

    /** Row i (from 0): "Customer i", 09 and i in 8 digits, "CRM-i", "City (i mod 50)", as the bench's CSV. */
    static void write(Path file, int rows) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\""
                    + RELATIONSHIPS + "\"><Relationship Id=\"rId1\" Type=\"" + DOCUMENT
                    + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\""
                    + MAIN + "\" xmlns:r=\"" + DOCUMENT + "\"><sheets><sheet name=\"Customers\" sheetId=\"1\" r:id=\"rId1\"/>"
                    + "</sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Relationships xmlns=\"" + RELATIONSHIPS + "\"><Relationship Id=\"rId1\" Type=\"" + DOCUMENT
                    + "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + DOCUMENT
                    + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer sheet = writer(zip);
            sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
                    + "\"><sheetData>");
            sheet.write("<row r=\"1\">");
            for (int column = 0; column < HEADER.length; column++) {
                cell(sheet, column, 1, column);
            }
            sheet.write("</row>");
            int firstOfRows = HEADER.length + CITIES;
            for (int i = 0; i < rows; i++) {
                int number = i + 2;
                sheet.write("<row r=\"" + number + "\">");
                cell(sheet, 0, number, firstOfRows + 3 * i);
                cell(sheet, 1, number, firstOfRows + 3 * i + 1);
                cell(sheet, 2, number, firstOfRows + 3 * i + 2);
                cell(sheet, 3, number, HEADER.length + i % CITIES);
                sheet.write("</row>");
            }
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            Writer strings = writer(zip);
            int unique = firstOfRows + 3 * rows;
            strings.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"" + MAIN
                    + "\" count=\"" + (unique + rows) + "\" uniqueCount=\"" + unique + "\">");
            for (String header : HEADER) {
                string(strings, header);
            }
            for (int city = 0; city < CITIES; city++) {
                string(strings, "City " + city);
            }
            for (int i = 0; i < rows; i++) {
                string(strings, "Customer " + i);
                string(strings, "09" + String.format("%08d", i));
                string(strings, "CRM-" + i);
            }
            strings.write("</sst>");
            strings.flush();
            zip.closeEntry();
        }
    }

    private static void cell(Writer sheet, int column, int row, int sharedString) throws IOException {
        sheet.write("<c r=\"" + (char) ('A' + column) + row + "\" t=\"s\"><v>" + sharedString + "</v></c>");
    }

    private static void string(Writer strings, String text) throws IOException {
        strings.write("<si><t>" + text + "</t></si>");
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A writer over the current entry that leaves the zip open when flushed. */
    private static Writer writer(ZipOutputStream zip) {
        return new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
    }
}
