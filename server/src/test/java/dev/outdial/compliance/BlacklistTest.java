package dev.outdial.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** SPEC §2 and §7: numbers blocked from calling out, and the DNC registry, one of each per business. */
@OutdialIntegrationTest
class BlacklistTest {

    @Autowired
    Api api;

    @Autowired
    Blacklist blacklist;

    @Autowired
    DncRegistry dnc;

    TestBusiness business;

    @BeforeEach
    void aVietnameseBusiness() {
        business = api.newBusiness("blacklist");
    }

    @Test
    void aNumberTypedNationallyIsBlacklistedInE164WithItsReason() {
        JsonNode entry = business.admin().post("/api/v1/blacklist", Map.of("number", "0912 345 678",
                "reason", "Asked not to be called")).expect(201).json();

        assertThat(entry.get("number").asString()).isEqualTo("+84912345678");
        assertThat(entry.get("reason").asString()).isEqualTo("Asked not to be called");
        assertThat(blacklist.contains(business.id(), "+84912345678")).isTrue();
        assertThat(dnc.contains(business.id(), "+84912345678")).isFalse();
    }

    @Test
    void aNumberAlreadyListedIsAConflictHoweverItIsTyped() {
        business.admin().post("/api/v1/blacklist", Map.of("number", "0912345678")).expect(201);

        Api.Response again = business.admin().post("/api/v1/blacklist", Map.of("number", "+84 91-234-5678"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("+84912345678");
    }

    @Test
    void aBadNumberIsRejectedWithTheReason() {
        Api.Response rejected = business.admin().post("/api/v1/blacklist", Map.of("number", "12"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("errors").get(0).get("field").asString()).isEqualTo("number");
        assertThat(rejected.json().get("errors").get(0).get("message").asString()).contains("12");
    }

    @Test
    void theDncRegistryRecordsNoReason() {
        Api.Response rejected = business.admin().post("/api/v1/dnc", Map.of("number", "0912345678", "reason", "why"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        business.admin().post("/api/v1/dnc", Map.of("number", "0912345678")).expect(201);
        assertThat(dnc.contains(business.id(), "+84912345678")).isTrue();
    }

    @Test
    void theListsAreSearchedByANumberTypedAnyWayByPartOfItOrByTheReason() {
        business.admin().post("/api/v1/blacklist", Map.of("number", "0912345678", "reason", "Complained")).expect(201);
        business.admin().post("/api/v1/blacklist", Map.of("number", "0987654321", "reason", "Wrong person")).expect(201);

        assertThat(numbers("/api/v1/blacklist?q=%2B84%20912%20345%20678")).containsExactly("+84912345678");
        assertThat(numbers("/api/v1/blacklist?q=0912%20345")).containsExactly("+84912345678");
        assertThat(numbers("/api/v1/blacklist?q=654")).containsExactly("+84987654321");
        assertThat(numbers("/api/v1/blacklist?q=wrong")).containsExactly("+84987654321");
        assertThat(numbers("/api/v1/blacklist")).containsExactly("+84987654321", "+84912345678");
    }

    @Test
    void theListIsPagedNewestFirstWithACursor() {
        for (int i = 0; i < 5; i++) {
            business.admin().post("/api/v1/dnc", Map.of("number", "091234567" + i)).expect(201);
        }

        JsonNode first = business.admin().get("/api/v1/dnc?limit=3").expect(200).json();
        JsonNode second = business.admin().get("/api/v1/dnc?limit=3&cursor=" + first.get("nextCursor").asString())
                .expect(200).json();

        assertThat(first.get("items").findValuesAsString("number"))
                .containsExactly("+84912345674", "+84912345673", "+84912345672");
        assertThat(second.get("items").findValuesAsString("number")).containsExactly("+84912345671", "+84912345670");
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(business.admin().get("/api/v1/dnc?cursor=garbage").status()).isEqualTo(400);
        assertThat(business.admin().get("/api/v1/dnc?limit=501").status()).isEqualTo(400);
    }

    @Test
    void aRemovedNumberMayBeCalledAgain() {
        long id = business.admin().post("/api/v1/blacklist", Map.of("number", "0912345678")).expect(201).id();

        business.admin().delete("/api/v1/blacklist/" + id).expect(204);

        assertThat(blacklist.contains(business.id(), "+84912345678")).isFalse();
        assertThat(business.admin().get("/api/v1/blacklist/" + id).status()).isEqualTo(404);
    }

    @Test
    void theBatchFormAnswersWhichOfManyNumbersAreBlocked() {
        business.admin().post("/api/v1/blacklist", Map.of("number", "0912345678")).expect(201);
        business.admin().post("/api/v1/dnc", Map.of("number", "0987654321")).expect(201);

        List<String> asked = List.of("+84912345678", "+84987654321", "+84900000000");

        assertThat(blacklist.blocked(business.id(), asked)).containsExactly("+84912345678");
        assertThat(dnc.blocked(business.id(), asked)).containsExactly("+84987654321");
        assertThat(blacklist.blocked(business.id(), List.of())).isEmpty();
    }

    @Test
    void anotherBusinessNeitherSeesNorRemovesOurNumbersAndKeepsItsOwnList() {
        long id = business.admin().post("/api/v1/blacklist", Map.of("number", "0912345678")).expect(201).id();
        TestBusiness other = api.newBusiness("other-blacklist");

        assertThat(other.admin().get("/api/v1/blacklist/" + id).status()).isEqualTo(404);
        assertThat(other.admin().delete("/api/v1/blacklist/" + id).status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/blacklist").body()).doesNotContain("+84912345678");
        assertThat(blacklist.contains(other.id(), "+84912345678")).isFalse();
        other.admin().post("/api/v1/blacklist", Map.of("number", "0912345678")).expect(201);
        assertThat(business.admin().get("/api/v1/dnc/" + id).status()).isEqualTo(404);
    }

    @Test
    void supervisorsMayLookAndAgentsMayNot() {
        long id = business.admin().post("/api/v1/blacklist", Map.of("number", "0912345678")).expect(201).id();
        Api.Client supervisor = business.person("SUPERVISOR", "sup").client();
        Api.Client agent = business.agent("agent").client();

        supervisor.get("/api/v1/blacklist").expect(200);
        supervisor.get("/api/v1/dnc").expect(200);
        assertThat(supervisor.post("/api/v1/blacklist", Map.of("number", "0987654321")).status()).isEqualTo(403);
        assertThat(supervisor.delete("/api/v1/blacklist/" + id).status()).isEqualTo(403);
        assertThat(supervisor.upload("/api/v1/dnc/import", "dnc.csv", "phone\n0912345678\n".getBytes()).status())
                .isEqualTo(403);
        assertThat(agent.get("/api/v1/blacklist").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/dnc").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/blacklist/" + id).status()).isEqualTo(403);
    }

    private List<String> numbers(String path) {
        return business.admin().get(path).expect(200).json().get("items").findValuesAsString("number");
    }
}
