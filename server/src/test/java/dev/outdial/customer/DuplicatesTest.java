package dev.outdial.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** SPEC §4.3: duplicates by normalised number; dedupe never removes a customer who has been called. */
@OutdialIntegrationTest
class DuplicatesTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient db;

    TestBusiness business;
    long campaign;

    @BeforeEach
    void aCampaignWithDuplicates() {
        business = api.newBusiness("dedupe");
        campaign = new CampaignFixtures(business).create("Dedupe", "MANUAL");
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", List.of(
                Map.of("name", "A1", "phone", "0912000201"),
                Map.of("name", "A2", "phone", "+84 912 000 201"),
                Map.of("name", "A3", "phone", "0084912000201"),
                Map.of("name", "B1", "phone", "0912000202"),
                Map.of("name", "B2", "phone", "0912.000.202"),
                Map.of("name", "C", "phone", "0912000203")))).expect(201);
    }

    @Test
    void groupsOfCustomersSharingANumberAreListed() {
        JsonNode groups = duplicates().get("groups");

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("phone").asString()).isEqualTo("+84912000201");
        assertThat(groups.get(0).get("customers").findValuesAsString("name")).containsExactly("A1", "A2", "A3");
        assertThat(groups.get(1).get("customers").findValuesAsString("name")).containsExactly("B1", "B2");
    }

    @Test
    void keepOneKeepsTheChosenCustomerAndNeverOneWhoWasCalled() {
        long a2 = idOf("A2");
        long a3 = idOf("A3");
        db.sql("update campaign_customer set total_attempts = 1, status = 'RETRY', progress = 'RETRY' where id = :id")
                .param("id", a3).update();

        JsonNode result = resolve(Map.of("mode", "KEEP_ONE", "keep", List.of(a2)));

        assertThat(result.get("removed").asInt()).isEqualTo(1);
        assertThat(names()).containsExactlyInAnyOrder("A2", "A3", "B1", "B2", "C");
    }

    @Test
    void automaticKeepsOnePerNumber() {
        JsonNode result = resolve(Map.of("mode", "AUTO"));

        assertThat(result.get("groups").asInt()).isEqualTo(2);
        assertThat(result.get("removed").asInt()).isEqualTo(3);
        assertThat(duplicates().get("groups")).isEmpty();
        assertThat(names()).hasSize(3).contains("C");
    }

    @Test
    void keepAllRemovesNothingAndTwoKeepersOfOneNumberAreRefused() {
        assertThat(resolve(Map.of("mode", "KEEP_ALL")).get("removed").asInt()).isZero();

        var twice = business.admin().post("/api/v1/campaigns/" + campaign + "/duplicates/resolve",
                Map.of("mode", "KEEP_ONE", "keep", List.of(idOf("A1"), idOf("A2"))));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(names()).hasSize(6);
    }

    private JsonNode duplicates() {
        return business.admin().get("/api/v1/campaigns/" + campaign + "/duplicates").expect(200).json();
    }

    private JsonNode resolve(Map<String, Object> body) {
        return business.admin().post("/api/v1/campaigns/" + campaign + "/duplicates/resolve", body).expect(200).json();
    }

    private List<String> names() {
        return business.admin().get("/api/v1/campaigns/" + campaign + "/customers").json().get("items")
                .findValuesAsString("name");
    }

    private long idOf(String name) {
        return business.admin().get("/api/v1/campaigns/" + campaign + "/customers?name=" + name).json().get("items")
                .get(0).get("id").asLong();
    }
}
