package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Every API error is an RFC 9457 problem detail naming what was wrong, and never a stack trace. */
@OutdialIntegrationTest
class ProblemDetailsTest {

    @Autowired
    Api api;

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("problems");
    }

    @Test
    void malformedJsonIsA400NamingTheField() {
        Api.Response response = business.admin().post("/api/v1/users",
                "{\"email\": \"a@b.test\", \"name\": \"A\", \"password\": \"password1\", \"role\": }");

        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.get("errors").get(0).get("field").asString()).isIn("role", "body");
    }

    @Test
    void truncatedJsonIsA400() {
        Api.Response response = business.admin().post("/api/v1/users", "{\"email\": \"a@b.test\",");

        assertProblem(response, 400, "validation");
    }

    @Test
    void aTruncatedBodyIsNamedMalformedBeforeAnyFieldIsJudged() {
        Api.Response response = business.admin().post("/api/v1/users", "{\"email\":\"y@x.test\", \"role\":\"KING\"");

        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void twoJsonValuesInOneBodyAreMalformed() {
        Api.Response response = business.admin().post("/api/v1/users", "{\"role\":\"KING\"} {}");

        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void anUnknownEnumValueIsA400NamingTheField() {
        Api.Response response = business.admin().post("/api/v1/users",
                Map.of("email", "a@b.test", "name", "A", "password", "uncommon-passphrase", "role", "EMPEROR"));

        JsonNode problem = assertProblem(response, 400, "validation");
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("role");
        assertThat(error.get("message").asString()).contains("EMPEROR").contains("AGENT");
    }

    @Test
    void aWrongTypeIsA400NamingTheNestedField() {
        Api.Response response = api.operator().post("/api/v1/businesses", Map.of("name", "Typed",
                "timeZone", "UTC", "defaultCountry", "VN", "concurrentCallLimit", "many",
                "admin", Map.of("email", "t@typed.test", "password", "uncommon-passphrase", "name", "T")));

        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("concurrentCallLimit");
    }

    @Test
    void anUnknownFieldIsRejectedRatherThanIgnored() {
        Api.Response response = business.admin().post("/api/v1/users",
                Map.of("email", "a@b.test", "name", "A", "password", "uncommon-passphrase", "role", "AGENT", "rol", "ADMIN"));

        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("rol");
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        Api.Response response = business.admin().post("/api/v1/users",
                Map.of("email", "not-an-address", "name", " ", "password", "short"));

        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "name", "password", "role");
    }

    @Test
    void anUnknownPathIsA404Problem() {
        assertProblem(business.admin().get("/api/v1/no-such-thing"), 404, "not-found");
    }

    @Test
    void aWrongMethodIsA405Problem() {
        Api.Response response = business.admin().send("PATCH", "/api/v1/users", "{}");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aWrongPathVariableIsA400NamingIt() {
        JsonNode problem = assertProblem(business.admin().get("/api/v1/users/abc"), 400, "validation");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    @Test
    void problemsSpeakVietnameseWhenAsked() {
        Api.Response response = business.admin().withHeader("Accept-Language", "vi-VN,vi;q=0.9")
                .post("/api/v1/users", Map.of("email", "a@b.test", "name", "A", "password", "uncommon-passphrase"));

        JsonNode problem = assertProblem(response, 400, "validation");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("là bắt buộc");
    }

    private static JsonNode assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).endsWith("/" + type);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
        return problem;
    }
}
