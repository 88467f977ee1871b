package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.shared.SqlTime;
import dev.outdial.testing.Api;
import dev.outdial.testing.Await;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.TestBusiness;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A business ready to dial on the simulated carrier: a campaign of a dial type that runs now, its
 * agents, customers by number, and bounded waits on what the API shows. Numbers end in the suffix
 * whose carrier rule the test class sets (e.g. 0001 busy).
 */
final class DialingScenario {

    /** Each customer called once, the next at once, the agent free again at once: a test's calls one by one. */
    static final Map<String, Object> ONE_CALL_NO_GAP = Map.of(
            "maxCallsPerCustomer", 1, "retryGapMinutes", 0, "wrapUpSeconds", 0);

    final TestBusiness business;
    final CampaignFixtures fixtures;
    final long campaignId;
    private final Map<String, Long> customers = new HashMap<>();

    private DialingScenario(TestBusiness business, CampaignFixtures fixtures, long campaignId) {
        this.business = business;
        this.fixtures = fixtures;
        this.campaignId = campaignId;
    }

    /** A running campaign of {@code dialMode}, open all week, with {@code settings} over the fixture's. */
    static DialingScenario running(TestBusiness business, String dialMode, Map<String, Object> settings) {
        return running(business, dialMode, settings, allWeek());
    }

    static DialingScenario running(TestBusiness business, String dialMode, Map<String, Object> settings,
                                   Map<String, Object> week) {
        return running(new CampaignFixtures(business), dialMode, settings, week);
    }

    /** Another campaign of the same business, with the same hotline and agents. */
    DialingScenario another(String dialMode, Map<String, Object> settings, Map<String, Object> week) {
        return running(fixtures, dialMode, settings, week);
    }

    private static DialingScenario running(CampaignFixtures fixtures, String dialMode, Map<String, Object> settings,
                                           Map<String, Object> week) {
        TestBusiness business = fixtures.business();
        long hours = business.admin().post("/api/v1/working-hours",
                Map.of("name", "Hours " + System.nanoTime(), "week", week, "holidays", List.of())).expect(201).id();
        Map<String, Object> body = fixtures.fullBody("Dialing " + System.nanoTime(), dialMode);
        body.put("startTime", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString());
        body.put("workingHoursId", hours);
        body.putAll(settings);
        long id = business.admin().post("/api/v1/campaigns", body).expect(201).id();
        business.admin().post("/api/v1/campaigns/" + id + "/approve").expect(200);
        // Its start time has passed, so the system's sweep may start it first: either way it runs.
        Api.Response started = business.admin().post("/api/v1/campaigns/" + id + "/start");
        if (started.status() != 200) {
            assertThat(business.admin().get("/api/v1/campaigns/" + id).expect(200).json().get("status").asString())
                    .as(started.body()).isEqualTo("RUNNING");
        }
        return new DialingScenario(business, fixtures, id);
    }

    static Map<String, Object> allWeek() {
        Map<String, Object> week = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day.name(), List.of(List.of("00:00", "24:00")));
        }
        return week;
    }

    /** Open all day, but only on a day that is not today in the business's zone (Asia/Ho_Chi_Minh). */
    static Map<String, Object> closedToday() {
        DayOfWeek notToday = OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(3).getDayOfWeek();
        return Map.of(notToday.name(), List.of(List.of("00:00", "24:00")));
    }

    /**
     * Open two hours around now on the clock of Ho Chi Minh City (UTC+7, the test businesses' zone),
     * today only: in New York (UTC−5 or −4) the same hours are eleven hours or more away from now.
     */
    static Map<String, Object> openAroundNow() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).truncatedTo(ChronoUnit.MINUTES);
        String from = now.getHour() == 0 ? "00:00" : now.toLocalTime().minusHours(1).toString();
        String to = now.getHour() == 23 ? "24:00" : now.toLocalTime().plusHours(1).toString();
        return Map.of(now.getDayOfWeek().name(), List.of(List.of(from, to)));
    }

    /** The campaign's working-hours schedule, made for it by {@link #running}. */
    long workingHoursId() {
        return business.admin().get("/api/v1/campaigns/" + campaignId).expect(200).json().get("workingHoursId").asLong();
    }

    /** Adds customers by E.164 number; returns their ids in order. */
    List<Long> add(String... numbers) {
        List<Map<String, Object>> given = new ArrayList<>();
        for (String number : numbers) {
            given.add(Map.of("name", "Customer " + number, "phone", number));
        }
        business.admin().post("/api/v1/campaigns/" + campaignId + "/customers", Map.of("customers", given)).expect(201);
        List<Long> ids = new ArrayList<>();
        for (JsonNode customer : business.admin().get("/api/v1/campaigns/" + campaignId + "/customers?limit=500")
                .expect(200).json().get("items")) {
            customers.put(customer.get("phones").get(0).asString(), customer.get("id").asLong());
        }
        for (String number : numbers) {
            ids.add(customers.get(number));
        }
        return ids;
    }

    JsonNode customer(long id) {
        return business.admin().get("/api/v1/campaigns/" + campaignId + "/customers/" + id).expect(200).json();
    }

    List<JsonNode> calls() {
        List<JsonNode> calls = new ArrayList<>();
        business.admin().get("/api/v1/campaigns/" + campaignId + "/calls").expect(200).json().forEach(calls::add);
        return calls;
    }

    List<JsonNode> callsOf(long customerId) {
        return calls().stream().filter(call -> call.get("customerId").asLong() == customerId).toList();
    }

    /** The agent is Available with the campaign's screen open. */
    void ready(TestBusiness.Person agent) {
        agent.client().put("/api/v1/me/state", Map.of("state", "AVAILABLE")).expect(200);
        agent.client().post("/api/v1/me/campaigns/" + campaignId + "/open").expect(204);
    }

    JsonNode waitForCallEnd(Api.Client who, String callId) {
        return waitFor(() -> who.get("/api/v1/calls/" + callId).expect(200).json(),
                call -> call.get("state").asString().equals("ENDED"), "call " + callId + " to end");
    }

    /**
     * Waits for the customer to be in {@code status} and, unless that status means "on a call", for
     * each of its calls to have its result: a status can come while the call is still up (an IVR's
     * opt-out blocks the number before its goodbye).
     */
    JsonNode waitForStatus(long customerId, String status) {
        return waitFor(() -> customer(customerId), customer -> customer.get("status").asString().equals(status)
                        && (status.equals("IN_PROGRESS") || callsOf(customerId).stream().allMatch(DialingScenario::ended)),
                "customer " + customerId + " to be " + status + " with its calls ended");
    }

    private static boolean ended(JsonNode call) {
        return call.hasNonNull("result");
    }

    /** Makes {@code owner} the node that paces the business until {@code until}, as its heartbeat would. */
    static void leaseHeldBy(JdbcClient db, long businessId, String owner, Instant until) {
        int updated = db.sql("update dialer_lease set owner = :owner, lease_until = :until where business_id = :business")
                .param("owner", owner).param("until", SqlTime.toSql(until)).param("business", businessId).update();
        if (updated == 0) {
            db.sql("insert into dialer_lease (business_id, owner, lease_until) values (:business, :owner, :until)")
                    .param("owner", owner).param("until", SqlTime.toSql(until)).param("business", businessId).update();
        }
    }

    static <T> T waitFor(Supplier<T> probe, Predicate<T> done, String what) {
        return Await.until(probe, done, what);
    }

    /** With more patience: a dozen calls through servers in processes of their own, on a loaded machine. */
    static <T> T waitFor(Supplier<T> probe, Predicate<T> done, String what, Duration patience) {
        return Await.until(probe, done, what, patience);
    }

    /** Why the campaign is not dialing, as its page shows it ({@code reason} absent while it dials). */
    JsonNode dialingState() {
        return business.admin().get("/api/v1/campaigns/" + campaignId + "/dialing").expect(200).json();
    }

    /** Waits for the campaign's dialer to say it is not dialing for {@code reason}. */
    JsonNode awaitNotDialingBecause(String reason) {
        return waitFor(this::dialingState, state -> reason.equals(state.path("reason").asString(null)),
                "campaign " + campaignId + " to say " + reason);
    }

    /**
     * Proof that the engine had its chance to act on every change made so far: the dialing state is
     * read on the engine's one thread, after the pacing rounds those changes queued there (an
     * agent's state, a screen opened, customers added, a call ended). A call those rounds placed is
     * recorded by then, so a test can assert that none was, without sleeping.
     */
    JsonNode engineCaughtUp() {
        return dialingState();
    }

    /** Manual: the agent gets the next customer, who must be {@code customerId}, and dials it; returns the call's id. */
    String getAndDial(TestBusiness.Person agent, long customerId) {
        JsonNode handed = agent.client().post("/api/v1/me/campaigns/" + campaignId + "/next").expect(200).json();
        assertThat(handed.get("id").asLong()).isEqualTo(customerId);
        return agent.client().post("/api/v1/me/customers/" + customerId + "/dial").expect(201).json().get("id").asString();
    }

    /** The agent's word on their reached call: classified as reached, then {@code next}. */
    JsonNode dispose(TestBusiness.Person agent, String callId, String next, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("classification", reachedClassification());
        body.put("next", next);
        return agent.client().post("/api/v1/calls/" + callId + "/disposition", body).expect(200).json();
    }

    /** The agent's calls of the campaign not yet ended. */
    List<JsonNode> activeCallsOf(TestBusiness.Person agent) {
        List<JsonNode> calls = new ArrayList<>();
        agent.client().get("/api/v1/campaigns/" + campaignId + "/calls?active=true").expect(200).json().forEach(calls::add);
        return calls;
    }

    /**
     * Progressive: waits for the system's call for {@code agent} to be answered by the customer,
     * then picks up the agent's ringing leg; returns the call's id.
     */
    String answerWhenRinging(TestBusiness.Person agent) {
        Predicate<JsonNode> waitingForAgent = call -> call.get("state").asString().equals("WAITING_FOR_AGENT");
        JsonNode waiting;
        try {
            waiting = waitFor(() -> activeCallsOf(agent), calls -> calls.stream().anyMatch(waitingForAgent),
                    "a customer waiting for " + agent.email()).stream().filter(waitingForAgent).findFirst().orElseThrow();
        } catch (AssertionError missed) {
            // Whether no call was placed, or one was and ended unseen, tells apart a dialing fault from a stalled test.
            throw new AssertionError(missed.getMessage() + "; the campaign's calls: " + calls()
                    + "; its dialing: " + dialingState(), missed);
        }
        String callId = waiting.get("id").asString();
        // The agent's leg rings a moment after the customer answers: try until it does.
        waitFor(() -> agent.client().post("/api/v1/calls/" + callId + "/answer").status(), status -> status == 204,
                "the leg of call " + callId + " to ring for " + agent.email());
        return callId;
    }

    long reachedClassification() {
        return business.reachedClassification();
    }

    static void assertProblem(Api.Response response, int status, String reason) {
        response.expect(status);
        assertThat(response.json().get("reason").asString()).as(response.body()).isEqualTo(reason);
    }
}
