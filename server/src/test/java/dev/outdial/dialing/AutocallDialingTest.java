package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Autocall on the simulated carrier (issue 7): numbers ending in 3 answer and press 1 (interested),
 * …93 presses 9 (opt out), …73 presses 0 (an agent), …83 is an answering machine, …2 never answers;
 * hotlines ending in 990099 are broken.
 */
@OutdialIntegrationTest
@TestPropertySource(properties = {
        "outdial.telephony.sim.rules.3=ANSWER",
        "outdial.telephony.sim.rules.83=MACHINE",
        "outdial.telephony.sim.rules.2=NOANSWER",
        "outdial.telephony.sim.key-rules.3=1",
        "outdial.telephony.sim.key-rules.93=9",
        "outdial.telephony.sim.key-rules.73=0",
        "outdial.telephony.sim.key-delay=50ms",
        "outdial.telephony.sim.hotline-rules.990099=HOTLINE_ERROR",
        "outdial.telephony.sim.signal-delay=50ms",
        "outdial.telephony.sim.ring-time=50ms",
        "outdial.telephony.sim.talk-time=1500ms",
        "outdial.telephony.sim.no-answer-timeout=200ms",
        "outdial.telephony.sim.spread=0",
        "outdial.dialing.no-answer-timeout=200ms",
        "outdial.dialing.hotline-skip=1m",
        "outdial.dialing.agent-wait=10s"})
class AutocallDialingTest {

    private static final String BROKEN_HOTLINE = "+842873990099";

    @Autowired
    Api api;

    /** n1 greets, n2 asks: 1 interested, 9 never again, 0 an agent; silence says goodbye (n3). */
    static long surveyIvr(TestBusiness business) {
        return business.admin().post("/api/v1/ivrs", Map.of("name", "Survey " + System.nanoTime(), "root", "n1",
                "nodes", List.of(
                        Map.of("id", "n1", "type", "PLAY", "prompt", "Hello from Outdial Bank.", "next", "n2"),
                        Map.of("id", "n2", "type", "COLLECT", "prompt", "Press 1 if interested, 9 to stop, 0 for an agent.",
                                "timeoutSeconds", 1, "retries", 0, "next", "n3", "keys", Map.of(
                                        "1", Map.of("action", "SET_RESULT", "result", "INTERESTED"),
                                        "9", Map.of("action", "OPT_OUT"),
                                        "0", Map.of("action", "CONNECT_AGENT"))),
                        Map.of("id", "n3", "type", "PLAY", "prompt", "Goodbye.")))).expect(201).id();
    }

    private static String[] numbers(int tag, int count, String ending) {
        return Stream.iterate(0, i -> i + 1).limit(count).map(i -> String.format("+8491%d%04d%s", tag, i, ending))
                .toArray(String[]::new);
    }

    @Test
    void anAutocallCampaignKeepsItsConcurrencyAndTheBusinessLimitBesideAProgressiveOne() {
        TestBusiness business = api.newBusiness("Autocall", 5);
        DialingScenario autocall = DialingScenario.running(business, "AUTOCALL", Map.of("ivrId", surveyIvr(business),
                "maxConcurrentCalls", 5, "maxCallsPerCustomer", 1, "retryGapMinutes", 0));
        DialingScenario progressive = autocall.another("PROGRESSIVE",
                Map.of("maxCallsPerCustomer", 3, "retryGapMinutes", 0, "wrapUpSeconds", 0), DialingScenario.allWeek());
        progressive.add(numbers(1, 10, "02"));
        progressive.ready(progressive.fixtures.agent);

        List<Long> customers = autocall.add(numbers(2, 100, "03"));

        List<JsonNode> autocallCalls = afterSuccesses(autocall, 100);
        assertThat(mostAtOnce(autocallCalls)).as("the campaign's 5 lines").isLessThanOrEqualTo(5);
        assertThat(mostAtOnce(concat(autocallCalls, progressive.calls()))).as("the business's 5 lines")
                .isLessThanOrEqualTo(5);
        assertThat(autocallCalls).hasSize(100).allSatisfy(call -> {
            assertThat(call.get("result").asString()).isEqualTo("SUCCESS");
            assertThat(call.get("classification").asLong()).isEqualTo(classificationId(business, "INTERESTED"));
        });
        assertThat(autocall.customer(customers.getFirst()).get("classificationId").asLong())
                .as("the IVR's result is the customer's classification").isEqualTo(classificationId(business, "INTERESTED"));
    }

    @Test
    void anOptOutBlacklistsTheNumberSoNoCampaignCallsItAgain() {
        TestBusiness business = api.newBusiness("OptOut");
        DialingScenario autocall = DialingScenario.running(business, "AUTOCALL", Map.of("ivrId", surveyIvr(business),
                "maxConcurrentCalls", 2));
        DialingScenario progressive = autocall.another("PROGRESSIVE", Map.of("wrapUpSeconds", 0),
                DialingScenario.allWeek());
        long elsewhere = progressive.add("+84919000093").getFirst();

        long optingOut = autocall.add("+84919000093").getFirst();

        autocall.waitForStatus(optingOut, "BLOCKED");
        assertThat(progressive.customer(elsewhere).get("status").asString()).isEqualTo("BLOCKED");
        assertThat(business.admin().get("/api/v1/blacklist").expect(200).body()).contains("+84919000093");
        progressive.ready(progressive.fixtures.agent);
        long other = progressive.add("+84919000102").getFirst();
        progressive.waitForStatus(other, "RETRY");
        assertThat(progressive.callsOf(elsewhere)).isEmpty();
        assertThat(autocall.callsOf(optingOut)).hasSize(1);
    }

    @Test
    void aFailingHotlineIsSkippedAndItsCustomersAreCalledAgainFromAnother() {
        TestBusiness business = api.newBusiness("Hotlines");
        DialingScenario autocall = rotatingOverABrokenHotline(business, 2, 1);

        List<Long> customers = autocall.add(numbers(3, 20, "03"));

        List<JsonNode> calls = afterSuccesses(autocall, 20);
        List<JsonNode> failed = calls.stream().filter(call -> call.get("result").asString().equals("HOTLINE_ERROR")).toList();
        assertThat(failed).as("the broken hotline was tried").isNotEmpty()
                .allSatisfy(call -> assertThat(call.get("hotline").asString()).isEqualTo(BROKEN_HOTLINE));
        Instant firstFailure = failed.stream().map(call -> instant(call, "endedAt")).min(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(calls).as("no call goes out on the broken hotline once it failed")
                .filteredOn(call -> call.get("hotline").asString().equals(BROKEN_HOTLINE))
                .allSatisfy(call -> assertThat(instant(call, "dialingAt")).isBeforeOrEqualTo(firstFailure));
        for (JsonNode failure : failed) {
            assertThat(autocall.callsOf(failure.get("customerId").asLong())).as("called again from the good hotline")
                    .anySatisfy(call -> assertThat(call.get("result").asString()).isEqualTo("SUCCESS"));
        }
        assertThat(customers).hasSize(20);
        JsonNode broken = DialingScenario.waitFor(() -> hotline(business, BROKEN_HOTLINE),
                line -> line.get("failureCount").asInt() == failed.size(), "the broken hotline's failures to be counted");
        assertThat(broken.get("lastFailureReason").asString()).contains("HOTLINE_ERROR");
    }

    /**
     * Issue 18: a campaign run end-to-end on the simulated carrier, with retries (unanswered numbers
     * called to their maximum of 3), answers, an opt-out and a failing hotline, audits clean.
     */
    @Test
    void aSimulatedRunWithRetriesAuditsToNoViolation() {
        TestBusiness business = api.newBusiness("CleanRun", 4);
        DialingScenario autocall = rotatingOverABrokenHotline(business, 4, 3);
        List<Long> unanswered = autocall.add(numbers(4, 8, "02"));
        autocall.add(numbers(5, 8, "03"));
        autocall.add("+84919400093");

        DialingScenario.waitFor(() -> unanswered.stream().filter(id -> autocall.customer(id).get("status").asString()
                        .equals("MAX_ATTEMPTS")).count() == unanswered.size() && successful(autocall) == 8,
                done -> done, "every unanswered customer called 3 times and 8 successes", Duration.ofSeconds(90));
        List<JsonNode> calls = afterSuccesses(autocall, 8);
        assertThat(calls.stream().filter(call -> call.get("result").asString().equals("NOANSWER")))
                .as("3 calls per unanswered customer").hasSize(3 * unanswered.size());

        JsonNode report = business.admin().get("/api/v1/campaigns/" + autocall.campaignId + "/audit").expect(200).json();
        assertThat(report.get("calls").asInt()).isEqualTo(calls.size());
        assertThat(report.get("rules").findValuesAsString("rule")).contains("MAX_CALLS_PER_CYCLE", "RETRY_GAP");
        assertThat(report.get("violations").asInt()).as(report.toString()).isZero();
    }

    /** An autocall campaign, no gap, rotating over all the business's hotlines, one of them broken. */
    private static DialingScenario rotatingOverABrokenHotline(TestBusiness business, int lines, int maxCalls) {
        business.admin().post("/api/v1/hotlines", Map.of("number", BROKEN_HOTLINE, "name", "Broken line", "group", "Main"))
                .expect(201);
        return DialingScenario.running(business, "AUTOCALL", Map.of("ivrId", surveyIvr(business), "hotlineRotation", "ALL",
                "hotlineIds", List.of(), "maxConcurrentCalls", lines, "maxCallsPerCustomer", maxCalls, "retryGapMinutes", 0));
    }

    private static JsonNode hotline(TestBusiness business, String number) {
        for (JsonNode hotline : business.admin().get("/api/v1/hotlines").expect(200).json()) {
            if (hotline.get("number").asString().equals(number)) {
                return hotline;
            }
        }
        throw new AssertionError("no hotline " + number);
    }

    @Test
    void aCallThatReachesAnAgentOrVoicemailOpensATicket() {
        TestBusiness business = api.newBusiness("Tickets");
        DialingScenario autocall = DialingScenario.running(business, "AUTOCALL", Map.of("ivrId", surveyIvr(business),
                "maxConcurrentCalls", 1, "ticketOnAgentOrVoicemail", true, "ticketPerCall", false,
                "answeringMachineDetection", true));
        TestBusiness.Person agent = autocall.fixtures.agent;
        autocall.ready(agent);

        long machine = autocall.add("+84919000083").getFirst();
        autocall.waitForStatus(machine, "RETRY");
        long wantsAnAgent = autocall.add("+84919000073").getFirst();
        String call = autocall.answerWhenRinging(agent);
        JsonNode talked = autocall.waitForCallEnd(agent.client(), call);
        long interested = autocall.add("+84919000003").getFirst();
        autocall.waitForStatus(interested, "SUCCESS");

        assertThat(talked.get("result").asString()).isEqualTo("SUCCESS");
        assertThat(talked.get("customerId").asLong()).isEqualTo(wantsAnAgent);
        assertThat(ticketsFor(business, "+84919000083")).hasSize(1).allSatisfy(ticket -> {
            assertThat(ticket.get("channel").asString()).isEqualTo("CALL");
            assertThat(ticket.get("campaignId").asLong()).isEqualTo(autocall.campaignId);
        });
        assertThat(ticketsFor(business, "+84919000073")).hasSize(1).allSatisfy(ticket ->
                assertThat(ticket.get("callId").asString()).isEqualTo(call));
        assertThat(ticketsFor(business, "+84919000003")).isEmpty();
    }

    private static List<JsonNode> ticketsFor(TestBusiness business, String phone) {
        List<JsonNode> tickets = new ArrayList<>();
        business.admin().get("/api/v1/tickets?phone=" + phone.replace("+", "%2B")).expect(200).json().get("items")
                .forEach(tickets::add);
        return tickets;
    }

    /**
     * The campaign's calls once {@code count} customers succeeded and every call has its result
     * (progress and calls are two reads). A hundred calls on five lines take a while on a loaded machine.
     */
    private static List<JsonNode> afterSuccesses(DialingScenario scenario, int count) {
        return DialingScenario.waitFor(() -> successful(scenario) == count ? scenario.calls() : null,
                calls -> calls != null && calls.stream().allMatch(call -> call.hasNonNull("result")),
                count + " customers to succeed and their calls to end", Duration.ofSeconds(60));
    }

    private static int successful(DialingScenario scenario) {
        JsonNode byStatus = scenario.business.admin().get("/api/v1/campaigns/" + scenario.campaignId + "/progress")
                .expect(200).json().get("byStatus");
        return byStatus.has("SUCCESS") ? byStatus.get("SUCCESS").asInt() : 0;
    }

    private static long classificationId(TestBusiness business, String code) {
        for (JsonNode classification : business.admin().get("/api/v1/call-classifications").expect(200).json()) {
            if (classification.get("code").asString().equals(code)) {
                return classification.get("id").asLong();
            }
        }
        throw new AssertionError("no classification " + code);
    }

    private static Instant instant(JsonNode call, String field) {
        return Instant.parse(call.get(field).asString());
    }

    private static List<JsonNode> concat(List<JsonNode> first, List<JsonNode> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    /** The most of these calls up at one moment; a call that ends frees its line for one placed at that instant. */
    static int mostAtOnce(List<JsonNode> calls) {
        List<long[]> edges = new ArrayList<>();
        for (JsonNode call : calls) {
            Instant dialing = instant(call, "dialingAt");
            Instant ended = call.hasNonNull("endedAt") ? instant(call, "endedAt") : Instant.MAX;
            edges.add(new long[] {micros(dialing), 1});
            edges.add(new long[] {micros(ended), -1});
        }
        edges.sort(Comparator.<long[]>comparingLong(edge -> edge[0]).thenComparingLong(edge -> edge[1]));
        int up = 0;
        int most = 0;
        for (long[] edge : edges) {
            up += (int) edge[1];
            most = Math.max(most, up);
        }
        return most;
    }

    private static long micros(Instant at) {
        return at.equals(Instant.MAX) ? Long.MAX_VALUE : Duration.between(Instant.EPOCH, at).toNanos() / 1_000;
    }
}
