package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Issue 17: the OpenAPI document is a contract a generated client can rely on. */
@OutdialIntegrationTest
class OpenApiContractTest {

    @Autowired
    Api api;

    JsonNode document;
    final List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();

    @BeforeEach
    void theDocument() {
        String text = api.operator().get("/v3/api-docs").expect(200).body();
        document = tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
        // Kept for tools that read the document offline (client generators, linters).
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/openapi"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi/outdial.json"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations.add(Map.entry(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue()));
            }
        }
        assertThat(operations).hasSizeGreaterThan(100);
    }

    @Test
    void itSaysWhatItIsAndHowToAuthenticate() {
        JsonNode info = document.get("info");
        assertThat(info.get("title").asString()).isEqualTo("Outdial API");
        assertThat(info.get("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(info.get("description").asString()).isNotBlank();
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asString()).isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes/basicAuth/type").asString()).isEqualTo("http");
        assertThat(document.get("security").get(0).has("basicAuth")).isTrue();
    }

    @Test
    void operationIdsAreUniqueAndNamedAfterTheOperation() {
        Set<String> seen = new HashSet<>();
        for (var operation : operations) {
            String id = operation.getValue().get("operationId").asString();
            assertThat(id).as(operation.getKey()).doesNotMatch(".*\\d$").doesNotContain("_");
            assertThat(seen.add(id)).as("operationId " + id + " of " + operation.getKey() + " is unique").isTrue();
            assertThat(operation.getValue().get("tags").get(0).asString()).as(operation.getKey())
                    .doesNotEndWith("-controller");
            assertThat(operation.getValue().path("summary").asString("")).as(operation.getKey()).isNotBlank();
        }
        assertThat(seen).contains("listOfCampaign", "listCampaignCustomerGroups", "listBlacklist", "listDnc");
    }

    @Test
    void everyErrorIsAProblemDetailAndEveryMediaTypeExact() {
        JsonNode problem = document.at("/components/schemas/ProblemDetail");
        assertThat(problem.at("/properties/errors/items/properties/field/type").asString()).isEqualTo("string");
        assertThat(problem.at("/properties/status/type").asString()).isEqualTo("integer");
        for (var operation : operations) {
            JsonNode responses = operation.getValue().get("responses");
            assertThat(responses.has("401")).as(operation.getKey()).isTrue();
            for (var response : responses.properties()) {
                JsonNode content = response.getValue().get("content");
                if (content == null) {
                    continue;
                }
                assertThat(content.has("*/*")).as(operation.getKey() + " " + response.getKey()).isFalse();
                if (response.getKey().startsWith("4")) {
                    assertThat(content.at("/application~1problem+json/schema/$ref").asString())
                            .as(operation.getKey() + " " + response.getKey()).endsWith("/ProblemDetail");
                }
            }
        }
        JsonNode export = document.at("/paths/~1api~1v1~1campaigns~1{campaignId}~1customers~1export/get/responses/200/content");
        assertThat(export.has("text/csv")).isTrue();
        assertThat(export.at("/application~1vnd.openxmlformats-officedocument.spreadsheetml.sheet/schema/format")
                .asString()).isEqualTo("binary");
        assertThat(document.at("/paths/~1api~1v1~1audio~1{id}~1content/get/responses/200/content").has("audio/*"))
                .as("audio answered as audio, not base64 in JSON").isTrue();
        assertThat(document.at("/paths/~1api~1v1~1imports~1template.xlsx/get/responses/200/content")
                .findValuesAsString("format")).containsExactly("binary");
        JsonNode stream = document.at("/paths/~1api~1v1~1me~1events/get/responses/200/content/text~1event-stream/schema");
        assertThat(stream.get("type").asString()).isEqualTo("string");
        assertThat(document.at("/components/schemas").has("SseEmitter")).isFalse();
    }

    @Test
    void queriesAreFlatParametersAndEveryPathConcrete() {
        JsonNode list = document.at("/paths/~1api~1v1~1campaigns~1{campaignId}~1customers/get/parameters");
        assertThat(list.findValuesAsString("name")).contains("name", "phone", "status").doesNotContain("query");
        assertThat(document.get("paths").has("/api/v1/{list}")).isFalse();
        assertThat(document.get("paths").has("/api/v1/blacklist")).isTrue();
        assertThat(document.get("paths").has("/api/v1/dnc/{id}")).isTrue();
    }

    @Test
    void webhookDeliveriesAreDescribedInTheWebhooksSection() {
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        JsonNode callEnded = document.at("/webhooks/call.ended/post");
        assertThat(callEnded.at("/requestBody/content/application~1json/schema/properties/data/properties/result/enum")
                .valueStream().map(JsonNode::asString)).contains("SUCCESS", "ABANDONED");
        assertThat(callEnded.at("/requestBody/content/application~1json/schema/properties/data/properties/howEnded")
                .toString()).contains("CUSTOMER_HUNG_UP", "AGENT_LINE_LOST", "null");
        assertThat(callEnded.get("parameters").findValuesAsString("name")).contains("X-Outdial-Signature",
                "X-Outdial-Timestamp");
        assertThat(document.at("/webhooks/customer.status_changed/post").isMissingNode()).isFalse();
        assertThat(document.at("/webhooks/campaign.status_changed/post").isMissingNode()).isFalse();
        JsonNode measured = document.at("/webhooks/call.quality_measured/post/requestBody/content/application~1json"
                + "/schema/properties/data/properties");
        String audio = measured.at("/customer/$ref").asString();
        assertThat(audio).as("the call activity's schema of a side's audio").isEqualTo("#/components/schemas/Audio");
        assertThat(document.at(audio.substring(1)).at("/properties").propertyNames())
                .contains("packetsExpected", "roundTripMillis", "meanOpinionScore");
        assertThat(measured.get("agent").toString()).contains(audio, "null");
    }

    @Test
    void theYamlIsServedToo() {
        Api.Response yaml = api.operator().withHeader("Accept", "*/*").get("/v3/api-docs.yaml");

        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).contains("openapi:").contains("Outdial API");
    }
}
