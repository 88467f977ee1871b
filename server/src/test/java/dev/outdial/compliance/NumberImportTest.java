package dev.outdial.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.Spreadsheets;
import dev.outdial.testing.TestBusiness;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Importing files of numbers into the blacklist and the DNC registry: files as spreadsheet
 * programs and people really make them, and files that must be refused whole.
 */
@OutdialIntegrationTest
class NumberImportTest {

    @Autowired
    Api api;

    @Autowired
    Blacklist blacklist;

    @Autowired
    DncRegistry dnc;

    TestBusiness business;

    @BeforeEach
    void aVietnameseBusiness() {
        business = api.newBusiness("imports");
    }

    @Test
    void aMessyCsvAddsItsGoodNumbersAndReportsTheBadRowsByNumber() {
        String csv = "\uFEFFName;Phone;Reason\r\n"
                + "\"Nguyễn, Văn A\";0912 345 678;\"Said \"\"stop\"\"\"\r\n"
                + "\r\n"
                + "Trần B;+84 91-234-5679;\r\n"
                + "Lê C;not a phone;\r\n"
                + "Phạm D;0084912345678;again\r\n"
                + "Hồ E;12;\r\n"
                + ";;\r\n"
                + "Vũ F;(028) 7300 0001;\"two\nlines\"\r\n";

        JsonNode report = importInto("blacklist", "numbers.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.get("added").asInt()).isEqualTo(3);
        assertThat(report.get("alreadyListed").asInt()).isEqualTo(1);
        assertThat(report.get("rejectedCount").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").findValues("row").stream().map(JsonNode::asInt).toList()).containsExactly(5, 7);
        assertThat(report.get("rejected").get(0).get("reason").asString()).contains("not a phone");
        assertThat(blacklist.blocked(business.id(), List.of("+84912345678", "+84912345679", "+842873000001")))
                .hasSize(3);
        JsonNode first = business.admin().get("/api/v1/blacklist?q=0912345678").json().get("items").get(0);
        assertThat(first.get("reason").asString()).isEqualTo("Said \"stop\"");
    }

    @Test
    void aCommaSeparatedFileWithANumberColumnAndLfLineEndingsImportsToo() {
        String csv = "number,name\n+1 (415) 555-2671,US customer\n\"0912,345,678\",quoted\n";

        JsonNode report = importInto("dnc", "dnc.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(report.get("added").asInt()).isEqualTo(1);
        assertThat(report.get("rejectedCount").asInt()).isEqualTo(1);
        assertThat(dnc.contains(business.id(), "+14155552671")).isTrue();
    }

    @Test
    void numbersAlreadyInTheRegistryAreCountedAndNothingIsReplaced() {
        business.admin().post("/api/v1/dnc", Map.of("number", "0912345678")).expect(201);

        JsonNode report = importInto("dnc", "dnc.csv", "phone\n0912345678\n0912345679\n0912345679\n".getBytes());

        assertThat(report.get("added").asInt()).isEqualTo(1);
        assertThat(report.get("alreadyListed").asInt()).isEqualTo(2);
        assertThat(business.admin().get("/api/v1/dnc").json().get("items").size()).isEqualTo(2);
    }

    @Test
    void anExcelWorkbookImportsWithNumbersStoredAsNumbersOrText() {
        byte[] workbook = Spreadsheets.xlsx(List.of(
                List.of("Họ tên", "Số điện thoại"),
                List.of("Number cell", 84912345678L),
                List.of("Text cell", "0912 345 679"),
                List.of("Bad", "abc")));

        JsonNode report = importInto("dnc", "registry.xlsx", workbook);

        assertThat(report.get("added").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(dnc.blocked(business.id(), List.of("+84912345678", "+84912345679"))).hasSize(2);
    }

    @Test
    void aRenamedBinaryIsRefusedAndAddsNothing() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertRefused(importResponse("blacklist", "numbers.csv", png), "CSV");
    }

    @Test
    void anOldXlsWorkbookIsRefusedWithAdvice() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};

        assertRefused(importResponse("blacklist", "numbers.xlsx", ole2), ".xls");
    }

    @Test
    void aCorruptWorkbookIsRefusedAndAddsNothing() {
        byte[] workbook = Spreadsheets.xlsx(List.of(List.of("phone"), List.of("0912345678")));
        byte[] truncated = Arrays.copyOf(workbook, workbook.length / 2);

        assertRefused(importResponse("blacklist", "numbers.xlsx", truncated), "damaged");
    }

    @Test
    void aZipBombIsRefusedBeforeItIsUnpacked() {
        assertRefused(importResponse("dnc", "bomb.xlsx", Spreadsheets.zipBomb(20)), "MB");
    }

    @Test
    void aFileWithoutANumberColumnIsRefused() {
        assertRefused(importResponse("blacklist", "people.csv", "name,email\nAn,an@x.vn\n".getBytes()), "phone");
    }

    @Test
    void aFileBrokenHalfWayAddsNothingAtAll() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("phone\n".getBytes());
        for (int i = 0; i < 5_000; i++) {
            file.writeBytes(("09%08d\n".formatted(i)).getBytes());
        }
        file.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});

        assertRefused(importResponse("dnc", "big.csv", file.toByteArray()), "UTF-8");
        assertThat(dnc.contains(business.id(), "+84900000000")).isFalse();
    }

    @Test
    void theReasonOfARefusalIsSaidInVietnamese() {
        Api.Response refused = business.admin().withHeader("Accept-Language", "vi")
                .upload("/api/v1/blacklist/import", "x.csv", new byte[] {0, 1, 2, 3});

        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("không phải tệp CSV");
    }

    private void assertRefused(Api.Response response, String reason) {
        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("message").asString()).contains(reason);
        assertThat(business.admin().get("/api/v1/blacklist").json().get("items").size()).isZero();
        assertThat(business.admin().get("/api/v1/dnc").json().get("items").size()).isZero();
    }

    private JsonNode importInto(String list, String filename, byte[] content) {
        return importResponse(list, filename, content).expect(200).json();
    }

    private Api.Response importResponse(String list, String filename, byte[] content) {
        return business.admin().upload("/api/v1/" + list + "/import", filename, content);
    }
}
