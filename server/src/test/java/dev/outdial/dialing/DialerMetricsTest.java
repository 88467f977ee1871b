package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17: after a campaign's calls on the simulated carrier, the Prometheus scrape has the
 * dialer's series for that business and campaign; the operator scrapes everything, a business
 * admin only their own business's series.
 */
@OutdialIntegrationTest
@ShortSimulatedCalls
class DialerMetricsTest {

    @Autowired
    Api api;

    @Test
    void aCampaignsCallsShowInTheScrapeTaggedByBusinessAndCampaign() throws IOException {
        TestBusiness business = api.newBusiness("metered");
        // A receiver that is not there: the campaign's status changes stay PENDING.
        business.admin().post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1:1/nobody",
                "events", java.util.List.of("CAMPAIGN_STATUS_CHANGED"))).expect(201);
        DialingScenario manual = DialingScenario.running(business, "MANUAL", Map.of());
        TestBusiness.Person agent = manual.fixtures.agent;
        manual.ready(agent);
        var customers = manual.add("+84912490003", "+84912500003");
        for (long customer : customers) {
            String call = manual.getAndDial(agent, customer);
            manual.waitForCallEnd(agent.client(), call);
            manual.dispose(agent, call, "DONE", Map.of());
        }
        business.admin().upload("/api/v1/campaigns/" + manual.campaignId + "/imports", "more.csv",
                "name,phone\nLate,+84912510003\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).expect(202);
        String series = "{business=\"" + business.id() + "\",campaign=\"" + manual.campaignId + "\"";

        // The gauges are registered one after another, so a scrape may fall between them, and one refresh
        // reads the calls a moment before the agents (an agent may end a call and dispose in between):
        // wait until they all show the campaign at rest.
        String scrape = DialingScenario.waitFor(() -> operatorScrape(), text -> text.contains(
                "outdial_agents" + series + ",state=\"AVAILABLE\"} 1")
                && text.contains("outdial_dialer_lines_per_available_agent" + series + "}")
                && text.contains("outdial_calls_open" + series + ",phase=\"TALKING\"} 0"),
                "the agents, lines and open-calls gauges of the campaign at rest");

        assertThat(scrape).contains("outdial_calls_placed_total" + series + "} 2.0")
                .contains("outdial_calls_answered_total" + series + "} 2.0")
                .contains("outdial_calls_connected_total" + series + "} 2.0")
                .contains("outdial_calls_ended_total" + series + ",result=\"SUCCESS\"} 2.0")
                .contains("outdial_calls_hung_up_total" + series + ",how=\"CUSTOMER_HUNG_UP\"} 2.0")
                .contains("outdial_customer_wait_seconds_count" + series + "} 2")
                .contains("outdial_agent_idle_seconds_count" + series + "} 1")
                .contains("outdial_dialer_leases{node=");
        String backlog = DialingScenario.waitFor(this::operatorScrape, text -> text.contains(
                "outdial_webhook_deliveries{business=\"" + business.id() + "\",status=\"PENDING\"}"), "the webhook backlog");
        assertThat(backlog).contains("outdial_import_rows_total{business=\"" + business.id() + "\"} 1.0");
        // Every series the shipped Grafana dashboard draws is one the server writes; real calls' own (line quality,
        // trunks) only in sip mode, where SipModeTest checks them.
        for (String drawn : dashboardSeries()) {
            if (!isRealCallsOnly(drawn)) {
                assertThat(backlog).as("the dashboard's " + drawn).contains(drawn);
            }
        }

        String mine = business.admin().withHeader("Accept", "text/plain").get("/api/v1/metrics").expect(200).body();
        assertThat(mine).contains("outdial_calls_placed_total" + series + "} 2.0")
                .contains("# TYPE outdial_calls_placed_total counter")
                .doesNotContain("jvm_").doesNotContain("outdial_dialer_leases");
        TestBusiness other = api.newBusiness("unmetered");
        assertThat(other.admin().withHeader("Accept", "text/plain").get("/api/v1/metrics").expect(200).body())
                .doesNotContain("business=\"" + business.id() + "\"");
        assertThat(business.admin().withHeader("Accept", "text/plain").get("/actuator/prometheus").status())
                .as("the platform-wide scrape is the operator's").isEqualTo(403);
    }

    /** Whether the dashboard's {@code series} comes of real calls alone (sip mode), never of simulated ones. */
    static boolean isRealCallsOnly(String series) {
        return series.startsWith("outdial_call_audio_") || series.startsWith("outdial_sip_")
                || series.startsWith("outdial_trunk_") || series.startsWith("outdial_agents_set_not_available");
    }

    /** The series the shipped Grafana dashboard draws. */
    static List<String> dashboardSeries() throws IOException {
        String dashboard = Files.readString(Path.of("../ops/grafana/outdial-dialer.json"));
        return Pattern.compile("outdial_[a-z_]+").matcher(dashboard).results().map(MatchResult::group).distinct()
                .toList();
    }

    private String operatorScrape() {
        return api.operator().withHeader("Accept", "text/plain").get("/actuator/prometheus").expect(200).body();
    }
}
