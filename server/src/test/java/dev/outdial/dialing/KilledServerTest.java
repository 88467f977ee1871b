package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.ServerProcesses;
import dev.outdial.testing.TestBusiness;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5: "Killing the server (SIGKILL) during calls and restarting loses nothing and
 * double-dials nothing." The server runs in a process of its own on a file database; it is
 * killed while two agents talk to customers, and started again on the same database.
 */
class KilledServerTest {

    @TempDir
    Path data;

    private ServerProcesses servers;

    @BeforeEach
    void processes() {
        servers = new ServerProcesses(data);
    }

    @AfterEach
    void stopServers() {
        servers.close();
    }

    @Test
    void callsUpWhenTheServerIsKilledAreClosedAsNetworkErrorsTheirCustomersComeBackAndNothingIsDialedTwice()
            throws Exception {
        int port = ServerProcesses.freePort();
        Api api = Api.at("http://localhost:" + port);
        ServerProcesses.Server first = start(port);
        TestBusiness business = api.newBusiness("Killed");
        DialingScenario manual = DialingScenario.running(business, "MANUAL", Map.of("maxCallsPerCustomer", 3));
        List<Long> customers = manual.add("+84918010003", "+84918020003", "+84918030003");
        List<String> callsUp = new ArrayList<>();
        for (TestBusiness.Person agent : List.of(manual.fixtures.agent, manual.fixtures.secondAgent)) {
            manual.ready(agent);
            JsonNode handed = agent.client().post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(200).json();
            String call = agent.client().post("/api/v1/me/customers/" + handed.get("id").asLong() + "/dial").expect(201)
                    .json().get("id").asString();
            DialingScenario.waitFor(() -> agent.client().get("/api/v1/calls/" + call).expect(200).json(),
                    up -> up.has("connectedAt"), "call " + call + " to connect");
            callsUp.add(call);
        }

        first.kill();
        start(port);

        for (String call : callsUp) {
            JsonNode closed = DialingScenario.waitFor(() -> business.admin().get("/api/v1/calls/" + call).expect(200).json(),
                    ended -> "ENDED".equals(ended.get("state").asString()), "call " + call + " to be closed");
            assertThat(closed.get("result").asString()).isEqualTo("NETWORK_ERROR");
            JsonNode customer = manual.customer(closed.get("customerId").asLong());
            assertThat(customer.get("status").asString()).isEqualTo("ERROR");
            assertThat(customer.get("attempts").asInt()).as("no attempt consumed").isZero();
        }
        assertThat(manual.calls()).as("nothing dialed twice").hasSize(2);
        assertThat(manual.calls()).extracting(call -> call.get("customerId").asLong()).doesNotHaveDuplicates();
        assertThat(business.admin().get("/api/v1/campaigns/" + manual.campaignId + "/customers").expect(200).json()
                .get("items")).as("nothing lost").hasSize(customers.size());

        // The customers are eligible again: the next agent's Get customer hands out the one never called first.
        TestBusiness.Person agent = manual.fixtures.agent;
        manual.ready(agent);
        JsonNode next = agent.client().post("/api/v1/me/campaigns/" + manual.campaignId + "/next").expect(200).json();
        assertThat(next.get("id").asLong()).isEqualTo(customers.get(2));
    }

    private ServerProcesses.Server start(int port) throws IOException, InterruptedException {
        return servers.start(port, Map.of(), List.of(
                // The embedded default database, in the test's folder.
                "--outdial.data-dir=" + data,
                // Claims and the pacer lease lapse within seconds of the kill.
                "--outdial.dialing.lease=3s",
                "--outdial.dialing.sweep-interval=300ms",
                "--outdial.dialing.pacer-lease=3s",
                "--outdial.dialing.pacer-heartbeat=500ms",
                // Customers answer and talk for a minute: the calls are up when the server dies.
                "--outdial.telephony.sim.rules.0003=ANSWER",
                "--outdial.telephony.sim.signal-delay=50ms",
                "--outdial.telephony.sim.ring-time=50ms",
                "--outdial.telephony.sim.talk-time=60s",
                "--outdial.telephony.sim.spread=0"));
    }
}
