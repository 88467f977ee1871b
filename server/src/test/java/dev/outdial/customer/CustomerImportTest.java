package dev.outdial.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.Await;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.Spreadsheets;
import dev.outdial.testing.TestBusiness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** SPEC §4.3: file imports of customers, all-or-nothing, with a report per row. */
@OutdialIntegrationTest
class CustomerImportTest {

    @Autowired
    Api api;

    TestBusiness business;
    long campaign;

    @BeforeEach
    void aCampaign() {
        business = api.newBusiness("imports");
        campaign = new CampaignFixtures(business).create("Imports", "PREVIEW");
    }

    @Test
    void aMessyCsvFromASpreadsheetProgramImportsWithTheRightCounts() {
        String csv = "\uFEFFName;Phone;External ID;Email;Account manager;City\r\n"
                + "\"Nguyễn, Văn An\";0912 345 678;CRM-1;an@example.com;;Hà Nội\r\n"
                + "\r\n"
                + "Bình;+84 91-234-5679;;;;\r\n"
                + "Chi;not a number;;;;\r\n"
                + "Dũng;0912345678;;bad-email;;\r\n"
                + "Em;0912.345.678;;;;Huế\r\n";

        JsonNode job = finished(upload("customers.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("total").asInt()).isEqualTo(5);
        assertThat(job.get("added").asInt()).isEqualTo(3);
        assertThat(job.get("duplicates").asInt()).isEqualTo(1);
        assertThat(job.get("rejectedCount").asInt()).isEqualTo(2);
        assertThat(job.get("rejected").findValues("row").stream().map(JsonNode::asInt).toList()).containsExactly(5, 6);
        assertThat(job.get("rejected").get(0).get("reason").asString()).contains("phone");
        JsonNode first = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?sort=added").json()
                .get("items").get(0);
        assertThat(first.get("name").asString()).isEqualTo("Nguyễn, Văn An");
        assertThat(first.get("fields").get("City").asString()).isEqualTo("Hà Nội");
    }

    /**
     * A workbook saved by LibreOffice Calc from messy rows (made with {@code soffice --convert-to
     * xlsx} from {@code files/khach-hang-libreoffice.source.csv}): Vietnamese headers, shared
     * strings, numbers typed as numbers, a bad e-mail, a missing name, a short number, a duplicate.
     */
    @Test
    void aWorkbookSavedByLibreOfficeImportsWithTheRightCounts() throws Exception {
        byte[] workbook;
        try (var file = getClass().getResourceAsStream("/files/khach-hang-libreoffice.xlsx")) {
            workbook = file.readAllBytes();
        }

        JsonNode job = finished(upload("khach-hang.xlsx", workbook));

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("total").asInt()).isEqualTo(8);
        assertThat(job.get("added").asInt()).isEqualTo(5);
        assertThat(job.get("duplicates").asInt()).isEqualTo(1);
        assertThat(job.get("rejected").findValues("row").stream().map(JsonNode::asInt).toList())
                .containsExactly(4, 6, 8);
        JsonNode customers = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?sort=added").json()
                .get("items");
        assertThat(customers.findValues("phones").stream().map(phones -> phones.get(0).asString()).toList())
                .containsExactly("+84912345678", "+84912345679", "+84912345681", "+84912345678", "+842837300001");
        assertThat(customers.get(0).get("externalId").asString()).isEqualTo("KH-001");
        assertThat(customers.get(0).get("fields").get("Ghi chú").asString()).isEqualTo("VIP");
    }

    @Test
    void anXlsxWorkbookImports() {
        byte[] workbook = Spreadsheets.xlsx(List.of(
                List.of("name", "phone", "external ID"),
                List.of("Giang", "0912000101", "X1"),
                List.of("Hải", "+84912000102", "X2")));

        JsonNode job = finished(upload("customers.xlsx", workbook));

        assertThat(job.get("added").asInt()).isEqualTo(2);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aRenamedBinaryOrACorruptWorkbookIsRefusedAtOnceAndAddsNothing() {
        byte[] binary = new byte[2048];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        assertThat(upload("customers.csv", binary).status()).isEqualTo(400);

        byte[] workbook = Spreadsheets.xlsx(List.of(List.of("name", "phone"), List.of("I", "0912000103")));
        byte[] corrupt = java.util.Arrays.copyOf(workbook, workbook.length / 2);
        assertThat(upload("customers.xlsx", corrupt).status()).isEqualTo(400);

        assertThat(upload("bomb.xlsx", Spreadsheets.zipBomb(200)).status()).isEqualTo(400);
        assertThat(count()).isZero();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithAProblemAndAddsNothing() {
        byte[] oversized = new byte[51 * 1024 * 1024];
        java.util.Arrays.fill(oversized, (byte) 'a');

        Api.Response refused = upload("huge.csv", oversized);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("50 MB");
        assertThat(count()).isZero();
    }

    /**
     * The numbers of a file are looked up in the lists a chunk at a time, away from the rows'
     * write (issue 18); listed numbers far apart in a file of several chunks and batches are each
     * held, in file order, and the campaign's counts say so.
     */
    @Test
    void listedNumbersAnywhereInALargeFileAreHeldAndCounted() {
        business.admin().post("/api/v1/blacklist", Map.of("number", "0912 000 001", "reason", "asked")).expect(201);
        business.admin().post("/api/v1/blacklist", Map.of("number", "0913 006 999", "reason", "asked")).expect(201);
        business.admin().upload("/api/v1/dnc/import", "dnc.csv", "phone\n0913002500\n0913006999\n".getBytes())
                .expect(200);
        StringBuilder csv = new StringBuilder("name,phone\n").append("Listed,0912000001\n");
        for (int row = 3; row <= 7_001; row++) {
            csv.append("Customer ").append(row).append(",0913").append(String.format("%06d", row)).append('\n');
        }
        csv.append("Refused,not a number\n");

        JsonNode job = finished(upload("customers.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(job.get("status").asString()).isEqualTo("DONE");
        assertThat(job.get("added").asInt()).isEqualTo(7_000);
        assertThat(job.get("rejected").findValues("row").stream().map(JsonNode::asInt).toList())
                .containsExactly(7_002);
        assertThat(statusOf("Listed")).isEqualTo("BLOCKED");
        assertThat(statusOf("Customer 2500")).isEqualTo("DNC");
        assertThat(statusOf("Customer 6999")).isEqualTo("BLOCKED");
        assertThat(statusOf("Customer 7001")).isEqualTo("NEW");
        JsonNode progress = business.admin().get("/api/v1/campaigns/" + campaign + "/progress").json();
        assertThat(progress.get("total").asLong()).isEqualTo(7_000);
        assertThat(progress.get("byStatus").get("BLOCKED").asLong()).isEqualTo(2);
        assertThat(progress.get("byStatus").get("DNC").asLong()).isEqualTo(1);
        assertThat(progress.get("byStatus").get("NEW").asLong()).isEqualTo(6_997);
        JsonNode oldest = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?sort=added&limit=1")
                .json().get("items");
        assertThat(oldest.get(0).get("name").asString()).isEqualTo("Listed");
    }

    @Test
    void aQuoteThatNeverClosesRefusesTheWholeFileNamingItsLine() {
        StringBuilder csv = new StringBuilder("name,phone\n");
        for (int row = 2; row <= 5007; row++) {
            String name = row == 5002 ? "\"Unclosed name" : "Customer " + row;
            csv.append(name).append(",+8491").append(String.format("%07d", row)).append('\n');
        }

        JsonNode job = finished(upload("unclosed.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("failure").asString()).contains("line 5002").contains("never closes");
        assertThat(count()).isZero();
    }

    @Test
    void aHeaderOfTwentyThousandColumnsFailsWithTheLimitNotAGenericFailure() {
        StringBuilder header = new StringBuilder("name,phone");
        for (int column = 0; column < 20_000; column++) {
            header.append(",column").append(column);
        }
        String csv = header + "\nAn,0912345678\n";

        JsonNode job = finished(upload("wide.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("failure").asString()).contains("more than 1,000 cells").doesNotContain("The import failed");
        assertThat(count()).isZero();
    }

    @Test
    void aFileWithoutAPhoneColumnFailsAndAddsNothing() {
        JsonNode job = finished(upload("people.csv", "name,city\nAn,Huế\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("failure").asString()).contains("phone");
        assertThat(count()).isZero();
    }

    @Test
    void aDialingModeColumnGivesCustomersAModeOfTheirOwnAndAnUnknownModeIsRejectedWithItsRow() {
        String csv = "name,phone,dialing mode\nAn,0912345601,preview\nBình,0912345602,\nChi,0912345603,FAX\n";

        JsonNode job = finished(upload("modes.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(job.get("added").asInt()).isEqualTo(2);
        // Rows are counted as a spreadsheet shows them, the header being row 1.
        assertThat(job.get("rejected").findValues("row").stream().map(JsonNode::asInt).toList()).containsExactly(4);
        assertThat(job.get("rejected").get(0).get("reason").asString()).contains("dialingMode");
        JsonNode items = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?sort=added").json().get("items");
        assertThat(items.get(0).get("dialingMode").asString()).isEqualTo("PREVIEW");
        assertThat(items.get(1).has("dialingMode") && !items.get(1).get("dialingMode").isNull()).isFalse();
    }

    @Test
    void theTemplateIsAWorkbookWithTheColumnsInOrder() {
        Api.Download template = business.admin().download("/api/v1/imports/template.xlsx");

        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).contains("spreadsheetml");
        var rows = dev.outdial.testing.Exports.xlsx(template.body());
        assertThat(rows.getFirst().stream().map(cell -> cell.getText()).toList()).startsWith("name", "phone",
                "external ID", "email");
        assertThat(rows.get(1).get(1).getText()).isEqualTo("+84 912 345 678");
        assertThat(upload("template.xlsx", template.body()).status()).isEqualTo(202);
    }

    private Api.Response upload(String name, byte[] content) {
        return business.admin().upload("/api/v1/campaigns/" + campaign + "/imports", name, content);
    }

    /** Waits for the background import to end; an import of a few rows takes milliseconds. */
    private JsonNode finished(Api.Response started) {
        long id = started.expect(202).id();
        return Await.until(() -> business.admin().get("/api/v1/imports/" + id).expect(200).json(),
                job -> !"RUNNING".equals(job.get("status").asString()), "import " + id + " to end");
    }

    private String statusOf(String name) {
        JsonNode found = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?name="
                + name.replace(" ", "%20")).expect(200).json().get("items");
        assertThat(found).hasSize(1);
        return found.get(0).get("status").asString();
    }

    private int count() {
        return business.admin().get("/api/v1/campaigns/" + campaign + "/customers?limit=500").json().get("items").size();
    }
}
