package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SPEC §1: nothing of one business is visible to another, and each role gets only its rights.
 * Another business's object answers 404, exactly as a missing one does.
 */
@OutdialIntegrationTest
class TenantIsolationTest {

    @Autowired
    Api api;

    TestBusiness alpha;
    TestBusiness beta;
    TestBusiness.Person alphaAgent;
    TestBusiness.Person betaAgent;

    @BeforeEach
    void twoBusinessesEachWithAnAgent() {
        alpha = api.newBusiness("alpha");
        beta = api.newBusiness("beta");
        alphaAgent = alpha.agent("agent");
        betaAgent = beta.agent("agent");
    }

    @Test
    void anAdminCannotReadChangeOrDeleteAnotherBusinessesUser() {
        String path = "/api/v1/users/" + betaAgent.id();

        assertThat(alpha.admin().get(path).status()).isEqualTo(404);
        assertThat(alpha.admin().put(path, Map.of("name", "Taken over")).status()).isEqualTo(404);
        assertThat(alpha.admin().delete(path).status()).isEqualTo(404);
        assertThat(beta.admin().get(path).expect(200).json().get("name").asString()).isNotEqualTo("Taken over");
    }

    @Test
    void aMissingUserAndAnotherBusinessesUserLookTheSame() {
        Api.Response foreign = alpha.admin().get("/api/v1/users/" + betaAgent.id());
        Api.Response missing = alpha.admin().get("/api/v1/users/987654321");

        assertThat(foreign.status()).isEqualTo(missing.status()).isEqualTo(404);
        assertThat(foreign.json().get("title")).isEqualTo(missing.json().get("title"));
    }

    @Test
    void listsShowOnlyTheOwnBusiness() {
        String users = alpha.admin().get("/api/v1/users").expect(200).body();

        assertThat(users).contains(alphaAgent.email()).doesNotContain(betaAgent.email()).doesNotContain(beta.domain());
    }

    @Test
    void anAgentGroupCannotTakeAnotherBusinessesAgent() {
        Api.Response rejected = alpha.admin().post("/api/v1/agent-groups",
                Map.of("name", "Mixed", "agentIds", java.util.List.of(alphaAgent.id(), betaAgent.id())));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("errors").get(0).get("field").asString()).isEqualTo("agentIds");
    }

    @Test
    void anAgentCannotCallAdminEndpoints() {
        Api.Client agent = alphaAgent.client();

        assertThat(agent.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/users", Map.of("email", "x@x.test", "name", "X", "password", "uncommon-passphrase",
                "role", "ADMIN")).status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/agent-groups", Map.of("name", "Mine")).status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/businesses", Map.of()).status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/business").expect(200).json().get("id").asLong()).isEqualTo(alpha.id());
    }

    @Test
    void anAgentOfOneBusinessCannotReachTheOthersObjects() {
        Api.Client agent = alphaAgent.client();

        Api.Response forbidden = agent.get("/api/v1/users/" + betaAgent.id());
        assertThat(forbidden.status()).isIn(403, 404);
        assertThat(forbidden.body()).doesNotContain(betaAgent.email());
    }

    @Test
    void theOperatorSeesNoBusinessData() {
        Api.Client operator = api.operator();

        assertThat(operator.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/users/" + alphaAgent.id()).status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/agent-groups").status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/businesses").expect(200).body()).contains(alpha.name(), beta.name());
    }

    @Test
    void onlyTheOperatorCreatesBusinesses() {
        Api.Response byAdmin = alpha.admin().post("/api/v1/businesses", Map.of("name", "Rogue"));

        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(byAdmin.contentType()).startsWith("application/problem+json");
    }

    @Test
    void wrongPasswordsAndMissingCredentialsGet401ProblemDetails() {
        Api.Response wrong = api.as(alphaAgent.email(), "not-the-password").get("/api/v1/me");
        Api.Response none = api.anonymous().get("/api/v1/users");
        Api.Response unknown = api.as("nobody@nowhere.test", "whatever1").get("/api/v1/me");

        for (Api.Response response : new Api.Response[] {wrong, none, unknown}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).endsWith("/unauthorized");
        }
    }
}
