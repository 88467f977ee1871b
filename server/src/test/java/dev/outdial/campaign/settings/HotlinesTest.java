package dev.outdial.campaign.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@OutdialIntegrationTest
class HotlinesTest {

    @Autowired
    Api api;

    @Autowired
    Hotlines hotlines;

    @Autowired
    Clock clock;

    TestBusiness business;

    @BeforeEach
    void aVietnameseBusiness() {
        business = api.newBusiness("hotlines");
    }

    @ParameterizedTest
    @ValueSource(strings = {"028 7300 0001", "02873000001", "+84 28 7300 0001", "0084 28 7300 0001",
            "+84 (28) 7300-0001", "84.28.7300.0001", "84 28 7300 0001"})
    void aNumberTypedAnyUsualWayIsStoredInE164WithTheBusinessCountry(String typed) {
        JsonNode hotline = create(typed, "Main", null).expect(201).json();

        assertThat(hotline.get("number").asString()).isEqualTo("+842873000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a phone", "12", "+84 28 7300 0001 2345 678", "+999 1234 5678"})
    void anImpossibleNumberIsRejectedNamingTheNumberAndTheReason(String typed) {
        Api.Response response = create(typed, "Broken", null);

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("number");
        assertThat(error.get("message").asString()).contains(typed.strip());
    }

    @Test
    void aHotlineNeedsANumberAndANameAndSaysWhichIsMissing() {
        Api.Response response = business.admin().post("/api/v1/hotlines", Map.of("name", " "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("number", "name");
    }

    @Test
    void theReasonIsSaidInVietnameseWhenAsked() {
        Api.Response response = business.admin().withHeader("Accept-Language", "vi")
                .post("/api/v1/hotlines", Map.of("number", "12", "name", "Ngắn"));

        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("quá ngắn");
    }

    @Test
    void aNumberIsAHotlineOnceInABusinessHoweverItIsTyped() {
        create("028 7300 0001", "First", null).expect(201);

        Api.Response again = create("+84 28 7300 0001", "Second", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("+842873000001");
    }

    @Test
    void anotherBusinessMayHaveTheSameNumber() {
        create("028 7300 0001", "Ours", null).expect(201);

        TestBusiness other = api.newBusiness("other-hotlines");
        other.admin().post("/api/v1/hotlines", Map.of("number", "028 7300 0001", "name", "Theirs")).expect(201);
    }

    @Test
    void aGroupIsCreatedByTheFirstHotlineThatNamesItAndListsItsHotlines() {
        long first = create("028 7300 0001", "HCM", "Demo").expect(201).id();
        long second = create("024 7300 0002", "HN", "demo").expect(201).id();
        long ungrouped = create("024 7300 0003", "Spare", null).expect(201).id();

        JsonNode groups = business.admin().get("/api/v1/hotline-groups").expect(200).json();
        assertThat(groups.size()).isEqualTo(1);
        assertThat(groups.get(0).get("name").asString()).isEqualTo("Demo");
        assertThat(groups.get(0).get("hotlineIds").valueStream().map(JsonNode::asLong).toList())
                .containsExactly(first, second);

        long groupId = groups.get(0).get("id").asLong();
        assertThat(hotlines.group(business.id(), groupId)).isPresent();
        assertThat(hotlines.list(business.id())).filteredOn(hotline -> Long.valueOf(groupId).equals(hotline.groupId()))
                .extracting(Hotline::id).containsExactlyInAnyOrder(first, second);
        assertThat(business.admin().get("/api/v1/hotlines/" + second).json().get("groupId").asLong()).isEqualTo(groupId);
        assertThat(business.admin().get("/api/v1/hotlines/" + ungrouped).json().get("group").isNull()).isTrue();
    }

    @Test
    void aChangeKeepsWhatItDoesNotNameAndABlankGroupLeavesTheGroup() {
        long id = create("028 7300 0001", "HCM", "Demo").expect(201).id();

        JsonNode renamed = business.admin().put("/api/v1/hotlines/" + id, Map.of("name", "Saigon")).expect(200).json();
        assertThat(renamed.get("number").asString()).isEqualTo("+842873000001");
        assertThat(renamed.get("group").asString()).isEqualTo("Demo");

        JsonNode disabled = business.admin().put("/api/v1/hotlines/" + id, Map.of("group", "", "enabled", false))
                .expect(200).json();
        assertThat(disabled.get("group").isNull()).isTrue();
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
    }

    @Test
    void changingTheNumberToAnotherHotlinesNumberIsAConflict() {
        create("028 7300 0001", "First", null).expect(201);
        long second = create("028 7300 0002", "Second", null).expect(201).id();

        assertThat(business.admin().put("/api/v1/hotlines/" + second, Map.of("number", "02873000001")).status())
                .isEqualTo(409);
    }

    @Test
    void failuresAreCountedPerHotlineWithTheLastOne() {
        long id = create("028 7300 0001", "Flaky", null).expect(201).id();
        Instant when = Instant.parse("2026-03-01T02:00:00Z");

        hotlines.recordFailure(business.id(), id, "503 Service Unavailable", Instant.parse("2026-03-01T01:00:00Z"));
        hotlines.recordFailure(business.id(), id, "trunk down", when);

        JsonNode hotline = business.admin().get("/api/v1/hotlines/" + id).expect(200).json();
        assertThat(hotline.get("failureCount").asInt()).isEqualTo(2);
        assertThat(Instant.parse(hotline.get("lastFailureAt").asString())).isEqualTo(when);
        assertThat(hotline.get("lastFailureReason").asString()).isEqualTo("trunk down");
    }

    /**
     * A call keeps the number it went out under: a failure reported after its hotline was renumbered still counts
     * on that hotline, not on one that took the number since, and not on none.
     */
    @Test
    void aCallUnderANumberItsHotlineGaveUpIsStillThatHotlines() {
        long renumbered = create("028 7300 0001", "Renumbered", null).expect(201).id();
        long abandonedNumber = create("028 7300 0003", "Moved away", null).expect(201).id();
        Instant beforeTheChanges = clock.instant().minusSeconds(60);
        business.admin().put("/api/v1/hotlines/" + renumbered, Map.of("number", "028 7300 0002")).expect(200);
        business.admin().put("/api/v1/hotlines/" + abandonedNumber, Map.of("number", "028 7300 0004")).expect(200);
        long successor = create("028 7300 0001", "Successor", null).expect(201).id();
        Instant afterTheChanges = clock.instant().plusSeconds(60);

        assertThat(hotlines.calledFrom(business.id(), "+842873000001", beforeTheChanges)).contains(renumbered);
        assertThat(hotlines.calledFrom(business.id(), "+842873000001", afterTheChanges)).contains(successor);
        assertThat(hotlines.calledFrom(business.id(), "+842873000002", afterTheChanges)).contains(renumbered);
        // A dial that read the hotlines just before the change: nobody has the number now, its last holder made it.
        assertThat(hotlines.calledFrom(business.id(), "+842873000003", afterTheChanges)).contains(abandonedNumber);
        assertThat(hotlines.calledFrom(business.id(), "+842873000009", afterTheChanges)).isEmpty();
    }

    @Test
    void unknownHotlinesAreThoseNotOfTheBusiness() {
        long ours = create("028 7300 0001", "Ours", null).expect(201).id();
        TestBusiness other = api.newBusiness("foreign-hotlines");
        long theirs = other.admin().post("/api/v1/hotlines", Map.of("number", "028 7300 0009", "name", "Theirs"))
                .expect(201).id();

        assertThat(hotlines.unknownHotlines(business.id(), List.of(ours, theirs, 987654321L)))
                .containsExactly(theirs, 987654321L);
    }

    @Test
    void anotherBusinessesHotlineIsNotFound() {
        TestBusiness other = api.newBusiness("intruder");
        long id = create("028 7300 0001", "Ours", null).expect(201).id();
        String path = "/api/v1/hotlines/" + id;

        assertThat(other.admin().get(path).status()).isEqualTo(404);
        assertThat(other.admin().put(path, Map.of("name", "Taken")).status()).isEqualTo(404);
        assertThat(other.admin().delete(path).status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/hotlines").body()).doesNotContain("+842873000001");
        assertThat(business.admin().get(path).json().get("name").asString()).isEqualTo("Ours");
    }

    @Test
    void supervisorsMayReadHotlinesAndAgentsMayNot() {
        long id = create("028 7300 0001", "Main", "Demo").expect(201).id();
        Api.Client supervisor = business.person("SUPERVISOR", "sup").client();
        Api.Client agent = business.agent("agent").client();

        supervisor.get("/api/v1/hotlines").expect(200);
        supervisor.get("/api/v1/hotline-groups").expect(200);
        assertThat(supervisor.post("/api/v1/hotlines", Map.of("number", "028 7300 0002", "name", "X")).status())
                .isEqualTo(403);
        assertThat(supervisor.delete("/api/v1/hotlines/" + id).status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/hotlines").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/hotlines/" + id).status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/hotline-groups").status()).isEqualTo(403);
    }

    @Test
    void aHotlineNoCampaignUsesIsDeleted() {
        long id = create("028 7300 0001", "Old", null).expect(201).id();

        business.admin().delete("/api/v1/hotlines/" + id).expect(204);

        assertThat(business.admin().get("/api/v1/hotlines/" + id).status()).isEqualTo(404);
    }

    private Api.Response create(String number, String name, String group) {
        Map<String, Object> body = new HashMap<>(Map.of("number", number, "name", name));
        if (group != null) {
            body.put("group", group);
        }
        return business.admin().post("/api/v1/hotlines", body);
    }
}
