package dev.outdial.customer;

import static dev.outdial.testing.Exports.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.Exports;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer list exported as CSV and .xlsx: every column, the list's filters, nothing run as a formula. */
@OutdialIntegrationTest
class CustomerExportTest {

    private static final String HOSTILE = "=HYPERLINK(\"http://x\",\"y\")";

    @Autowired
    Api api;

    TestBusiness business;
    CampaignFixtures fixtures;
    long campaign;
    String path;

    @BeforeEach
    void aCampaignOfThreeCustomers() {
        business = api.newBusiness("exports");
        fixtures = new CampaignFixtures(business);
        campaign = fixtures.create("Export me", "PROGRESSIVE");
        path = "/api/v1/campaigns/" + campaign + "/customers/export";
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", List.of(
                Map.of("name", HOSTILE, "phone", "0912000001"),
                Map.of("name", "Bình, \"the\" second", "phone", "0912000002", "phones", List.of("028 7300 0002"),
                        "externalId", "CRM-2", "email", "binh@example.com", "accountManager", fixtures.agent.email(),
                        "fields", Map.of("city", "Huế")),
                Map.of("name", "Chi", "phone", "0987000003")))).expect(201);
    }

    @Test
    void csvHasEveryColumnInUtf8WithABomAndNeutralisesFormulas() {
        Api.Download file = business.admin().download(path + "?format=csv");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/csv");
        assertThat(Exports.startsWithBom(file.body())).isTrue();
        List<List<String>> rows = Exports.csv(file.body());
        List<String> headers = rows.getFirst();
        assertThat(headers).contains("Name", "Campaign ID", "Campaign", "Phone", "Other phones", "Added at",
                "Time to call", "Account manager", "Status", "Attempts", "Last result", "Classification",
                "External ID", "Email", "city");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get(column(headers, "Name"))).isEqualTo("'" + HOSTILE);
        List<String> binh = rows.get(2);
        assertThat(binh.get(column(headers, "Name"))).isEqualTo("Bình, \"the\" second");
        // An E.164 number cannot carry a formula: it stays plain, dialable as it is.
        assertThat(binh.get(column(headers, "Phone"))).isEqualTo("+84912000002");
        assertThat(binh.get(column(headers, "Other phones"))).isEqualTo("+842873000002");
        assertThat(binh.get(column(headers, "Campaign ID"))).isEqualTo(String.valueOf(campaign));
        assertThat(binh.get(column(headers, "Campaign"))).isEqualTo("Export me");
        assertThat(binh.get(column(headers, "Status"))).isEqualTo("Undone");
        assertThat(binh.get(column(headers, "External ID"))).isEqualTo("CRM-2");
        assertThat(binh.get(column(headers, "Email"))).isEqualTo("binh@example.com");
        assertThat(binh.get(column(headers, "Account manager"))).isNotBlank();
        assertThat(binh.get(column(headers, "city"))).isEqualTo("Huế");
        assertThat(binh.get(column(headers, "Added at"))).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
    }

    @Test
    void statusesCarryTheManualsLabelInTheRequestsLanguage() {
        Api.Download file = business.admin().withHeader("Accept-Language", "vi").download(path + "?format=csv");

        List<List<String>> rows = Exports.csv(file.body());
        assertThat(rows.get(1).get(column(rows.getFirst(), "Trạng thái"))).isEqualTo("Chưa thực hiện");
        assertThat(rows.getFirst()).contains("Số điện thoại", "Tên", "Mã khách hàng").doesNotContain("Status", "Phone");
    }

    @Test
    void textStartingWithAPlusThatIsNoPhoneNumberKeepsItsQuote() {
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", List.of(
                Map.of("name", "+1+1", "phone", "0912000004")))).expect(201);

        assertThat(names("phone=0912000004")).containsExactly("'+1+1");
    }

    @Test
    void xlsxWritesTextAsPlainStringsNeverFormulas() {
        Api.Download file = business.admin().download(path + "?format=xlsx");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).contains("spreadsheetml");
        List<List<Cell>> rows = Exports.xlsx(file.body());
        List<String> headers = rows.getFirst().stream().map(Cell::getText).toList();
        assertThat(rows).hasSize(4);
        Cell hostile = rows.get(1).get(column(headers, "Name"));
        assertThat(hostile.getType()).isEqualTo(CellType.STRING);
        assertThat(hostile.getText()).isEqualTo(HOSTILE);
        assertThat(hostile.getFormula()).isNull();
        Cell phone = rows.get(1).get(column(headers, "Phone"));
        assertThat(phone.getType()).isEqualTo(CellType.STRING);
        assertThat(phone.getText()).isEqualTo("+84912000001");
        assertThat(rows.get(2).get(column(headers, "city")).getText()).isEqualTo("Huế");
        assertThat(rows.get(1).get(column(headers, "Attempts")).getType()).isEqualTo(CellType.NUMBER);
        Cell added = rows.get(1).get(column(headers, "Added at"));
        assertThat(added.getType()).as("a date cell").isEqualTo(CellType.NUMBER);
        assertThat(added.asDate()).isBetween(java.time.LocalDateTime.now(java.time.ZoneOffset.ofHours(7)).minusHours(1),
                java.time.LocalDateTime.now(java.time.ZoneOffset.ofHours(7)).plusMinutes(1));
    }

    @Test
    void theListsFiltersChooseTheRows() {
        long chi = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?name=Chi").expect(200).json()
                .get("items").get(0).get("id").asLong();
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers/" + chi + "/pause").expect(200);

        assertThat(names("name=B*")).containsExactly("Bình, \"the\" second");
        assertThat(names("phone=0912*")).containsExactly("'" + HOSTILE, "Bình, \"the\" second");
        assertThat(names("phone=0987000003")).containsExactly("Chi");
        assertThat(names("status=PAUSED")).containsExactly("Chi");
        assertThat(names("accountManagerId=" + fixtures.agent.id())).containsExactly("Bình, \"the\" second");
        assertThat(names("addedFrom=2000-01-01T00:00:00Z&addedTo=2001-01-01T00:00:00Z")).isEmpty();
        assertThat(names("groupId=999999999")).isEmpty();
    }

    @Test
    void aBadFormatIsRefusedNamingIt() {
        var refused = business.admin().get(path + "?format=pdf");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("format");
        assertThat(business.admin().get(path).status()).isEqualTo(400);
    }

    @Test
    void onlyAdminsAndSupervisorsOfTheBusinessExport() {
        TestBusiness other = api.newBusiness("prying");

        assertThat(other.admin().download(path + "?format=csv").status()).isEqualTo(404);
        assertThat(fixtures.agent.client().download(path + "?format=csv").status()).isEqualTo(403);
        assertThat(api.anonymous().download(path + "?format=csv").status()).isEqualTo(401);
    }

    private List<String> names(String query) {
        Api.Download file = business.admin().download(path + "?format=csv&" + query);
        assertThat(file.status()).as(file.text()).isEqualTo(200);
        List<List<String>> rows = Exports.csv(file.body());
        int name = column(rows.getFirst(), "Name");
        return rows.subList(1, rows.size()).stream().map(row -> row.get(name)).toList();
    }
}
