package dev.outdial.web;

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
import tools.jackson.databind.JsonNode;

/** What is sent is what is stored, or the request is refused saying why: nothing is quietly changed. */
@OutdialIntegrationTest
class SilentCoercionTest {

    @Autowired
    Api api;

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("coercion");
    }

    @Test
    void aFractionForAWholeNumberSettingIsRefusedNamingIt() {
        CampaignFixtures fixtures = new CampaignFixtures(business);
        Map<String, Object> campaign = fixtures.fullBody("Fractional", "PREVIEW");
        campaign.put("wrapUpSeconds", 1.5);

        Api.Response refused = business.admin().post("/api/v1/campaigns", campaign).expect(400);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("wrapUpSeconds");
        assertThat(error.get("message").asString()).isEqualTo("must be a whole number");

        campaign.put("wrapUpSeconds", 2.0);
        business.admin().post("/api/v1/campaigns", campaign).expect(400);
        campaign.put("wrapUpSeconds", 2);
        business.admin().post("/api/v1/campaigns", campaign).expect(201);
    }

    @Test
    void aNumberWithAnExtensionIsRefusedRatherThanShortened() {
        Api.Response refused = business.admin().post("/api/v1/contacts", Map.of("name", "Extension",
                "phones", List.of("0912-345-678 ext 5"))).expect(400);
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .contains("0912-345-678 ext 5").contains("extension");
    }

    @Test
    void aContactWithFieldsAndNoAccountManagerComesBackWithoutOne() {
        JsonNode created = business.admin().post("/api/v1/contacts", Map.of("name", "Fields only",
                "phones", List.of("0912345679"), "externalId", "EXT-1", "fields", Map.of("city", "Hue")))
                .expect(201).json();
        assertThat(created.get("accountManagerId").isNull()).isTrue();
        JsonNode read = business.admin().get("/api/v1/contacts/" + created.get("id").asLong()).expect(200).json();
        assertThat(read.get("accountManagerId").isNull()).isTrue();
    }
}
