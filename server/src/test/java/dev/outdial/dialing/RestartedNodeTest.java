package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.ServerProcesses;
import dev.outdial.testing.TestBusiness;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, item 3: a node with a fixed {@code outdial.node-id} (as the README's cluster example
 * sets it) killed mid-campaign and started again keeps dialing; every call it placed, before and
 * after, has a record of its own: none overwritten by a later call, none left open, and each
 * customer's attempts match its records.
 */
class RestartedNodeTest {

    private static final int CUSTOMERS = 20;

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
    void aNodeStartedAgainUnderItsFixedIdGivesEveryCallItsOwnRecord() throws Exception {
        int port = ServerProcesses.freePort();
        ServerProcesses.Server first = start(port);
        TestBusiness business = first.api().newBusiness("Restarted", 5);
        DialingScenario autocall = DialingScenario.running(business, "AUTOCALL",
                Map.of("maxCallsPerCustomer", 1, "retryGapMinutes", 0));
        List<Long> customers = autocall.add(IntStream.range(0, CUSTOMERS)
                .mapToObj(i -> String.format("+84916%04d03", i)).toArray(String[]::new));
        DialingScenario.waitFor(autocall::calls, calls -> calls.size() >= 6, "calls before the restart");

        first.kill();
        start(port);

        DialingScenario.waitFor(() -> done(autocall, customers), done -> done == CUSTOMERS, "every customer to be called");
        List<JsonNode> calls = DialingScenario.waitFor(autocall::calls,
                all -> all.stream().allMatch(call -> "ENDED".equals(call.get("state").asString())), "every call to end");
        for (long customer : customers) {
            // Every dial counts in the total, a call the kill cut off (NETWORK_ERROR) too.
            long recorded = calls.stream().filter(call -> call.get("customerId").asLong() == customer).count();
            assertThat(recorded).as("records of customer " + customer + "'s calls")
                    .isEqualTo(autocall.customer(customer).get("totalAttempts").asLong());
        }
        assertThat(calls).extracting(call -> call.get("customerId").asLong()).as("customers with a call")
                .containsAll(customers);
    }

    /** Customers called and done with: an attempt used and no call up. */
    private static int done(DialingScenario campaign, List<Long> customers) {
        List<Long> done = new ArrayList<>();
        for (long customer : customers) {
            JsonNode now = campaign.customer(customer);
            if (now.get("totalAttempts").asInt() > 0 && !"IN_PROGRESS".equals(now.get("status").asString())) {
                done.add(customer);
            }
        }
        return done.size();
    }

    private ServerProcesses.Server start(int port) throws IOException, InterruptedException {
        return servers.start(port, Map.of(), List.of(
                "--outdial.node-id=node-1",
                "--outdial.data-dir=" + data,
                // Claims and the pacer lease lapse within seconds of the kill.
                "--outdial.dialing.lease=3s",
                "--outdial.dialing.sweep-interval=300ms",
                "--outdial.dialing.pacer-lease=3s",
                "--outdial.dialing.pacer-heartbeat=500ms",
                "--outdial.telephony.sim.rules.03=ANSWER",
                "--outdial.telephony.sim.signal-delay=50ms",
                "--outdial.telephony.sim.ring-time=300ms",
                "--outdial.telephony.sim.talk-time=1s",
                "--outdial.telephony.sim.spread=0"));
    }
}
