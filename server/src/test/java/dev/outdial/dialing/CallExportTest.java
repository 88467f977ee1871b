package dev.outdial.dialing;

import static dev.outdial.testing.Exports.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.Exports;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A campaign's call records exported as CSV and .xlsx, here calls to numbers that ring out unanswered (0002). */
@OutdialIntegrationTest
@ShortSimulatedCalls
class CallExportTest {

    @Autowired
    Api api;

    @Test
    void everyCallWithEveryColumnInBothFormatsToAdminsAndSupervisorsOfTheBusinessOnly() {
        TestBusiness business = api.newBusiness("callexport");
        DialingScenario scenario = DialingScenario.running(business, "PROGRESSIVE",
                DialingScenario.ONE_CALL_NO_GAP);
        List<Long> customers = scenario.add("+84913710002", "+84913720002");
        scenario.ready(scenario.fixtures.agent);
        customers.forEach(customer -> scenario.waitForStatus(customer, "MAX_ATTEMPTS"));
        String path = "/api/v1/campaigns/" + scenario.campaignId + "/calls/export";

        Api.Download csv = business.admin().download(path + "?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(Exports.startsWithBom(csv.body())).isTrue();
        List<List<String>> rows = Exports.csv(csv.body());
        List<String> headers = rows.getFirst();
        assertThat(headers).containsExactly("Call ID", "Customer ID", "Customer", "Number", "Hotline", "Agent ID",
                "Agent", "State", "Queued at", "Dialing at", "Ringing at", "Answered at", "Connected at",
                "Connect latency (ms)", "Ended at", "On hold (s)", "Customer's line quality (of 4.4)",
                "Agent's line quality (of 4.4)", "Carrier's answers", "Technical result", "Who ended it", "Classification",
                "Next step", "Callback at");
        assertThat(rows).hasSize(3);
        List<String> first = rows.get(1);
        assertThat(first.get(column(headers, "Call ID"))).isEqualTo(scenario.callsOf(customers.get(0)).getFirst()
                .get("id").asString());
        assertThat(first.get(column(headers, "Customer"))).isEqualTo("Customer +84913710002");
        assertThat(first.get(column(headers, "Number"))).isEqualTo("+84913710002");
        assertThat(first.get(column(headers, "Agent"))).isNotBlank();
        assertThat(first.get(column(headers, "Technical result"))).isEqualTo("NOANSWER");
        assertThat(first.get(column(headers, "Who ended it"))).as("nobody: it was never answered").isEmpty();
        assertThat(first.get(column(headers, "Ended at"))).endsWith("+07:00");
        assertThat(first.get(column(headers, "On hold (s)"))).isEqualTo("0");
        assertThat(first.get(column(headers, "Customer's line quality (of 4.4)"))).as("the simulated carrier's")
                .isEmpty();

        Api.Download xlsx = business.admin().download(path + "?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        List<List<Cell>> cells = Exports.xlsx(xlsx.body());
        assertThat(cells).hasSize(3);
        Cell number = cells.get(2).get(column(headers, "Number"));
        assertThat(number.getType()).isEqualTo(CellType.STRING);
        assertThat(number.getText()).isEqualTo("+84913720002");
        assertThat(cells.get(2).get(column(headers, "Customer ID")).getType()).isEqualTo(CellType.NUMBER);
        assertThat(cells.get(2).get(column(headers, "Ended at")).getType()).as("a date cell").isEqualTo(CellType.NUMBER);

        List<String> vietnamese = Exports.csv(business.admin().withHeader("Accept-Language", "vi").download(
                path + "?format=csv").body()).getFirst();
        assertThat(vietnamese).startsWith("Mã cuộc gọi").contains("Số điện thoại", "Kết quả kỹ thuật");

        assertThat(business.admin().get(path + "?format=doc").json().get("errors").findValuesAsString("field"))
                .containsExactly("format");
        assertThat(api.newBusiness("otherexport").admin().download(path + "?format=csv").status()).isEqualTo(404);
        assertThat(scenario.fixtures.agent.client().download(path + "?format=csv").status()).isEqualTo(403);
    }
}
