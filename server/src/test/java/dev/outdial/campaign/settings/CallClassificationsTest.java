package dev.outdial.campaign.settings;

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

@OutdialIntegrationTest
class CallClassificationsTest {

    @Autowired
    Api api;

    @Autowired
    CallClassifications classifications;

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("classes");
    }

    @Test
    void aNewBusinessHasTheDefaultClassificationsNotReachedFirst() {
        JsonNode list = business.admin().get("/api/v1/call-classifications").expect(200).json();

        assertThat(list.valueStream().map(c -> c.get("name").asString()).toList()).containsExactly(
                "No answer", "Busy", "Refused", "Abandoned", "Answering machine", "Invalid number", "Technical error",
                "Reached", "Interested", "Not interested", "Wrong person", "Call back later");
        assertThat(list.valueStream().filter(c -> c.get("reached").asBoolean()).map(c -> c.get("code").asString()))
                .containsExactly("REACHED", "INTERESTED", "NOT_INTERESTED", "WRONG_PERSON", "CALL_BACK_LATER");
        assertThat(list.valueStream().allMatch(c -> c.get("builtIn").asBoolean())).isTrue();
    }

    @Test
    void anAdminAddsOneAndItsCodeIsMadeFromTheName() {
        JsonNode added = business.admin().post("/api/v1/call-classifications",
                Map.of("name", "Gọi lại sau Tết", "reached", true)).expect(201).json();

        assertThat(added.get("code").asString()).isEqualTo("GOI_LAI_SAU_TET");
        assertThat(added.get("builtIn").asBoolean()).isFalse();
        JsonNode list = business.admin().get("/api/v1/call-classifications").json();
        assertThat(list.get(list.size() - 1).get("id").asLong()).as("appended").isEqualTo(added.get("id").asLong());

        Api.Response twin = business.admin().post("/api/v1/call-classifications",
                Map.of("name", "gọi lại sau tết", "reached", true));
        assertThat(twin.status()).as("same name but for case").isEqualTo(409);
        JsonNode alike = business.admin().post("/api/v1/call-classifications",
                Map.of("name", "Gọi lại sau Tết (2)", "reached", true)).expect(201).json();
        assertThat(alike.get("code").asString()).isEqualTo("GOI_LAI_SAU_TET_2");
    }

    @Test
    void aTypedCodeIsCheckedAndUnique() {
        Api.Response invalid = business.admin().post("/api/v1/call-classifications",
                Map.of("name", "Promo", "reached", true, "code", "promo code!"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("code");

        Api.Response taken = business.admin().post("/api/v1/call-classifications",
                Map.of("name", "Also busy", "reached", false, "code", "busy"));
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void aClassificationNeedsANameAndWhetherItIsReached() {
        Api.Response response = business.admin().post("/api/v1/call-classifications", Map.of("name", ""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "reached");
    }

    @Test
    void namesAreUniqueInTheBusiness() {
        assertThat(business.admin().post("/api/v1/call-classifications", Map.of("name", "BUSY", "reached", false))
                .status()).isEqualTo(409);
    }

    @Test
    void aBuiltInOneIsRenamedButNotRedefinedOrDeleted() {
        long busy = idOf("BUSY");

        JsonNode renamed = business.admin().put("/api/v1/call-classifications/" + busy, Map.of("name", "Máy bận"))
                .expect(200).json();
        assertThat(renamed.get("name").asString()).isEqualTo("Máy bận");
        assertThat(renamed.get("code").asString()).isEqualTo("BUSY");

        assertThat(business.admin().put("/api/v1/call-classifications/" + busy, Map.of("reached", true)).status())
                .isEqualTo(409);
        assertThat(business.admin().put("/api/v1/call-classifications/" + busy, Map.of("code", "ENGAGED")).status())
                .isEqualTo(409);
        assertThat(business.admin().delete("/api/v1/call-classifications/" + busy).status()).isEqualTo(409);
    }

    @Test
    void anAdminsOwnOneIsChangedAndDeleted() {
        long id = business.admin().post("/api/v1/call-classifications", Map.of("name", "Promo", "reached", true))
                .expect(201).id();

        JsonNode changed = business.admin().put("/api/v1/call-classifications/" + id,
                Map.of("name", "Promotion", "reached", false, "code", "PROMO")).expect(200).json();
        assertThat(changed.get("reached").asBoolean()).isFalse();
        assertThat(changed.get("code").asString()).isEqualTo("PROMO");
        assertThat(business.admin().put("/api/v1/call-classifications/" + id, Map.of("name", "busy")).status())
                .isEqualTo(409);

        business.admin().delete("/api/v1/call-classifications/" + id).expect(204);
        assertThat(business.admin().get("/api/v1/call-classifications/" + id).status()).isEqualTo(404);
    }

    @Test
    void everyoneOfTheBusinessReadsThemButOnlyAdminsChangeThem() {
        Api.Client agent = business.agent("caller").client();
        Api.Client supervisor = business.person("SUPERVISOR", "sup").client();

        assertThat(agent.get("/api/v1/call-classifications").expect(200).json().size()).isEqualTo(12);
        agent.get("/api/v1/call-classifications/" + idOf("BUSY")).expect(200);
        supervisor.get("/api/v1/call-classifications").expect(200);
        assertThat(agent.post("/api/v1/call-classifications", Map.of("name", "Mine", "reached", true)).status())
                .isEqualTo(403);
        assertThat(supervisor.put("/api/v1/call-classifications/" + idOf("BUSY"), Map.of("name", "X")).status())
                .isEqualTo(403);
        assertThat(agent.delete("/api/v1/call-classifications/" + idOf("BUSY")).status()).isEqualTo(403);
    }

    @Test
    void anotherBusinessesClassificationIsNotFoundAndUnknown() {
        long id = business.admin().post("/api/v1/call-classifications", Map.of("name", "Promo", "reached", true))
                .expect(201).id();
        TestBusiness other = api.newBusiness("classes-intruder");
        String path = "/api/v1/call-classifications/" + id;

        assertThat(other.admin().get(path).status()).isEqualTo(404);
        assertThat(other.agent("nosy").client().get(path).status()).isEqualTo(404);
        assertThat(other.admin().put(path, Map.of("name", "Mine")).status()).isEqualTo(404);
        assertThat(other.admin().delete(path).status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/call-classifications").body()).doesNotContain("Promo");
        assertThat(classifications.unknownClassifications(other.id(), List.of(id))).containsExactly(id);
        assertThat(classifications.unknownClassifications(business.id(), List.of(id, idOf("BUSY")))).isEmpty();
    }

    private long idOf(String code) {
        return classifications.list(business.id()).stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow().id();
    }
}
