package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 17: the JSON the API answers is what its OpenAPI document says, field by field: types,
 * enums, required members and which may be null, checked by a JSON Schema validator (2020-12, the
 * dialect of OpenAPI 3.1) on a representative set of answers.
 */
@OutdialIntegrationTest
class ResponsesMatchTheirSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Api api;

    @Test
    void aCampaignsAnswersMatchTheDocument() {
        JsonNode document = JSON.readTree(api.operator().get("/v3/api-docs").expect(200).body());
        TestBusiness business = api.newBusiness("conforming");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        long campaign = fixtures.create("Conforming", "PREVIEW");
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", List.of(
                Map.of("name", "An", "phone", "0912000101", "externalId", "CRM-1"),
                Map.of("name", "Bình", "phone", "0912000102", "dialingMode", "MANUAL")))).expect(201);
        long customer = business.admin().get("/api/v1/campaigns/" + campaign + "/customers").expect(200).json()
                .get("items").get(0).get("id").asLong();
        business.admin().post("/api/v1/blacklist", Map.of("number", "0912000199", "reason", "asked")).expect(201);
        business.admin().post("/api/v1/campaigns/" + campaign + "/approve").expect(200);
        String today = LocalDate.now().toString();

        Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put("/api/v1/campaigns/{id}", "/api/v1/campaigns/" + campaign);
        answers.put("/api/v1/campaigns", "/api/v1/campaigns");
        answers.put("/api/v1/campaigns/{campaignId}/customers", "/api/v1/campaigns/" + campaign + "/customers");
        answers.put("/api/v1/campaigns/{campaignId}/customers/{customerId}",
                "/api/v1/campaigns/" + campaign + "/customers/" + customer);
        answers.put("/api/v1/campaigns/{campaignId}/customer-groups", "/api/v1/campaigns/" + campaign + "/customer-groups");
        answers.put("/api/v1/campaigns/{id}/history", "/api/v1/campaigns/" + campaign + "/history");
        answers.put("/api/v1/campaigns/{campaignId}/live", "/api/v1/campaigns/" + campaign + "/live");
        answers.put("/api/v1/live", "/api/v1/live");
        answers.put("/api/v1/hotlines", "/api/v1/hotlines");
        answers.put("/api/v1/working-hours", "/api/v1/working-hours");
        answers.put("/api/v1/users", "/api/v1/users");
        answers.put("/api/v1/blacklist", "/api/v1/blacklist");
        answers.put("/api/v1/reports/campaigns", "/api/v1/reports/campaigns?from=" + today + "&to=" + today);

        for (Map.Entry<String, String> answer : answers.entrySet()) {
            Api.Response response = business.admin().get(answer.getValue());
            assertThat(response.status()).as(answer.getValue()).isEqualTo(200);
            assertConforms(document, "get", answer.getKey(), "200", JSON.readTree(response.body()));
        }
        Api.Response refused = business.admin().post("/api/v1/campaigns/" + campaign + "/approve");
        assertThat(refused.status()).isEqualTo(409);
        assertConforms(document, "post", "/api/v1/campaigns/{id}/approve", "409", JSON.readTree(refused.body()));
    }

    /** The answer against the schema the document gives the operation's response, with its references. */
    private static void assertConforms(JsonNode document, String method, String path, String status, JsonNode answer) {
        JsonNode content = document.path("paths").path(path).path(method).path("responses").path(status).path("content");
        assertThat(content.isMissingNode()).as(method + " " + path + " " + status + " is documented").isFalse();
        JsonNode schema = content.properties().iterator().next().getValue().get("schema");
        ObjectNode withCheck = ((ObjectNode) document.deepCopy()).set("x-answer", schema);
        String uri = "https://outdial.test/openapi.json";
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(uri, withCheck.toString())));
        List<Error> errors = registry.getSchema(SchemaLocation.of(uri + "#/x-answer")).validate(answer);
        assertThat(errors).as(method + " " + path + " answered " + answer).isEmpty();
    }
}
