package dev.outdial.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Where an .xlsx keeps its first sheet and its shared strings: the workbook lists its sheets in
 * order, each by a relationship id, and its relationships part maps ids (and the shared-strings
 * table, by type) to part names.
 */
record WorkbookParts(String firstSheet, String sharedStrings) {

    static final String WORKBOOK = "xl/workbook.xml";
    private static final String RELATIONSHIPS = "xl/_rels/workbook.xml.rels";
    private static final String SHARED_STRINGS_TYPE = "/sharedStrings";

    /** The part names; a workbook without a sheet, or whose sheet is not where it says, is damaged. */
    static WorkbookParts of(ZipFile zip) throws IOException, XMLStreamException {
        String sheetId = firstSheetId(zip);
        Map<String, String> targets = new HashMap<>();
        String sharedStrings = null;
        try (InputStream part = required(zip, RELATIONSHIPS)) {
            XMLStreamReader xml = XmlParts.open(part);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT && "Relationship".equals(xml.getLocalName())) {
                    String target = partName(xml.getAttributeValue(null, "Target"));
                    targets.put(xml.getAttributeValue(null, "Id"), target);
                    String type = xml.getAttributeValue(null, "Type");
                    if (type != null && type.endsWith(SHARED_STRINGS_TYPE)) {
                        sharedStrings = target;
                    }
                }
            }
            xml.close();
        }
        String sheet = targets.get(sheetId);
        if (sheet == null || zip.getEntry(sheet) == null) {
            throw SpreadsheetRows.refused("file.corrupt");
        }
        return new WorkbookParts(sheet, sharedStrings != null && zip.getEntry(sharedStrings) != null
                ? sharedStrings : null);
    }

    /** The {@code r:id} of the workbook's first {@code <sheet>} (whatever the prefix's namespace: transitional or strict). */
    private static String firstSheetId(ZipFile zip) throws IOException, XMLStreamException {
        try (InputStream part = required(zip, WORKBOOK)) {
            XMLStreamReader xml = XmlParts.open(part);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamReader.START_ELEMENT && "sheet".equals(xml.getLocalName())) {
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            String namespace = xml.getAttributeNamespace(i);
                            if ("id".equals(xml.getAttributeLocalName(i)) && namespace != null && !namespace.isEmpty()) {
                                return xml.getAttributeValue(i);
                            }
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }
        throw SpreadsheetRows.refused("file.corrupt");
    }

    static InputStream required(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw SpreadsheetRows.refused("file.corrupt");
        }
        return zip.getInputStream(entry);
    }

    /** A target is relative to the workbook's folder, or absolute from the package's root. */
    private static String partName(String target) {
        if (target == null) {
            return "";
        }
        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
    }
}
