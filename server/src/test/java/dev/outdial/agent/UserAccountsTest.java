package dev.outdial.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@OutdialIntegrationTest
class UserAccountsTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient db;

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("users");
    }

    @Test
    void anAdminCreatesAUserWhoCanSignIn() {
        TestBusiness.Person supervisor = business.person("SUPERVISOR", "sue");

        var me = supervisor.client().get("/api/v1/me").expect(200).json();
        assertThat(me.get("role").asString()).isEqualTo("SUPERVISOR");
        assertThat(me.get("businessId").asLong()).isEqualTo(business.id());
    }

    @Test
    void passwordsAreStoredHashedNeverAsTyped() {
        TestBusiness.Person agent = business.agent("hashed");

        String stored = db.sql("select password_hash from app_user where id = :id").param("id", agent.id())
                .query(String.class).single();
        assertThat(stored).doesNotContain("person-password").startsWith("$2");
        assertThat(business.admin().get("/api/v1/users/" + agent.id()).body()).doesNotContain("password");
    }

    @Test
    void anEmailIsUsedByOneAccountOnly() {
        business.agent("twice");

        var again = business.admin().post("/api/v1/users", Map.of("email", "TWICE@" + business.domain(),
                "name", "Again", "password", "uncommon-passphrase", "role", "AGENT"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aDisabledUserCannotSignInUntilEnabledAgain() {
        TestBusiness.Person agent = business.agent("paused");
        // Signed in once: the server now remembers the password as verified, which must not outlive the account's state.
        assertThat(agent.client().get("/api/v1/me").status()).isEqualTo(200);

        business.admin().put("/api/v1/users/" + agent.id(), Map.of("enabled", false)).expect(200);
        assertThat(agent.client().get("/api/v1/me").status()).isEqualTo(401);

        business.admin().put("/api/v1/users/" + agent.id(), Map.of("enabled", true)).expect(200);
        assertThat(agent.client().get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aDeletedUserIsGoneAndTheirAddressIsFreeAgain() {
        TestBusiness.Person agent = business.agent("leaver");
        assertThat(agent.client().get("/api/v1/me").status()).isEqualTo(200);

        business.admin().delete("/api/v1/users/" + agent.id()).expect(204);

        assertThat(agent.client().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(business.admin().get("/api/v1/users/" + agent.id()).status()).isEqualTo(404);
        business.agent("leaver");
    }

    @Test
    void theLastEnabledAdminCannotBeRemovedDisabledOrDemoted() {
        long adminId = business.admin().get("/api/v1/me").expect(200).id();

        assertThat(business.admin().delete("/api/v1/users/" + adminId).status()).isEqualTo(409);
        assertThat(business.admin().put("/api/v1/users/" + adminId, Map.of("enabled", false)).status()).isEqualTo(409);
        assertThat(business.admin().put("/api/v1/users/" + adminId, Map.of("role", "AGENT")).status()).isEqualTo(409);

        business.person("ADMIN", "second-admin");
        business.admin().put("/api/v1/users/" + adminId, Map.of("role", "SUPERVISOR")).expect(200);
    }

    @Test
    void theOperatorRoleCannotBeGivenByAnAdmin() {
        var response = business.admin().post("/api/v1/users", Map.of("email", "op@" + business.domain(),
                "name", "Op", "password", "uncommon-passphrase", "role", "OPERATOR"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
    }

    @Test
    void aUserChangesTheirOwnPasswordKnowingTheCurrentOne() {
        TestBusiness.Person agent = business.agent("rotating");

        var wrong = agent.client().put("/api/v1/me/password",
                Map.of("currentPassword", "guess-guess", "newPassword", "brand-new-pass"));
        assertThat(wrong.status()).isEqualTo(400);

        agent.client().put("/api/v1/me/password",
                Map.of("currentPassword", "person-password", "newPassword", "brand-new-pass")).expect(204);
        assertThat(api.as(agent.email(), "brand-new-pass").get("/api/v1/me").status()).isEqualTo(200);
        assertThat(agent.client().get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void supervisorsMayLookUpUsersButNotChangeThem() {
        TestBusiness.Person supervisor = business.person("SUPERVISOR", "watcher");
        TestBusiness.Person agent = business.agent("watched");

        var seen = supervisor.client().get("/api/v1/users/" + agent.id()).expect(200).json();
        assertThat(seen.get("name").asString()).isEqualTo(agent.email().substring(0, agent.email().indexOf('@'))
                + " of " + business.name());
        assertThat(seen.get("email").isNull()).as("a supervisor has no use for sign-in addresses").isTrue();
        assertThat(supervisor.client().get("/api/v1/users").expect(200).body()).doesNotContain("@" + business.domain());
        assertThat(business.admin().get("/api/v1/users/" + agent.id()).expect(200).json().get("email").asString())
                .isEqualTo(agent.email());
        assertThat(supervisor.client().get("/api/v1/triggers").status()).isEqualTo(403);
        assertThat(supervisor.client().put("/api/v1/users/" + agent.id(), Map.of("name", "X")).status()).isEqualTo(403);
        assertThat(supervisor.client().delete("/api/v1/users/" + agent.id()).status()).isEqualTo(403);
    }

    @Test
    void agentGroupsHoldOnlyEnabledAgentsOfTheBusiness() {
        TestBusiness.Person first = business.agent("g1");
        TestBusiness.Person second = business.agent("g2");
        TestBusiness.Person supervisor = business.person("SUPERVISOR", "not-an-agent");

        var group = business.admin().post("/api/v1/agent-groups",
                Map.of("name", "Morning shift", "agentIds", List.of(first.id(), second.id()))).expect(201).json();
        assertThat(group.get("agentIds").findValuesAsString("")).isEmpty();
        assertThat(group.get("agentIds").size()).isEqualTo(2);

        var withSupervisor = business.admin().post("/api/v1/agent-groups",
                Map.of("name", "Mixed", "agentIds", List.of(first.id(), supervisor.id())));
        assertThat(withSupervisor.status()).isEqualTo(400);

        var sameName = business.admin().post("/api/v1/agent-groups", Map.of("name", "morning SHIFT"));
        assertThat(sameName.status()).isEqualTo(409);

        long id = group.get("id").asLong();
        business.admin().put("/api/v1/agent-groups/" + id, Map.of("name", "Morning", "agentIds", List.of(second.id())))
                .expect(200);
        assertThat(business.admin().get("/api/v1/agent-groups/" + id).json().get("agentIds").get(0).asLong())
                .isEqualTo(second.id());
        business.admin().delete("/api/v1/agent-groups/" + id).expect(204);
        assertThat(business.admin().get("/api/v1/agent-groups/" + id).status()).isEqualTo(404);
    }

    @Test
    void commonPasswordsAreRefusedAndAdminsNeedTwelveCharacters() {
        var common = business.admin().post("/api/v1/users", Map.of("email", "common@" + business.domain(),
                "name", "Common", "password", "Password1 ", "role", "AGENT"));
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.json().get("errors").get(0).get("message").asString()).contains("most common passwords");

        var shortAdmin = business.admin().post("/api/v1/users", Map.of("email", "boss@" + business.domain(),
                "name", "Boss", "password", "eleven-char", "role", "ADMIN"));
        assertThat(shortAdmin.status()).isEqualTo(400);
        assertThat(shortAdmin.json().get("errors").get(0).get("message").asString()).contains("12 to 72");
        business.admin().post("/api/v1/users", Map.of("email", "agent11@" + business.domain(),
                "name", "Agent", "password", "eleven-char", "role", "AGENT")).expect(201);
        business.admin().post("/api/v1/users", Map.of("email", "boss@" + business.domain(),
                "name", "Boss", "password", "twelve-chars", "role", "ADMIN")).expect(201);
    }

    @Test
    void anAddressWithAnAccountInAnotherBusinessGetsTheAnswerOfAMalformedOne() {
        TestBusiness other = api.newBusiness("elsewhere");
        var taken = business.admin().post("/api/v1/users", Map.of("email", "admin@" + other.domain(),
                "name", "Taken", "password", "uncommon-passphrase", "role", "AGENT"));
        var malformed = business.admin().post("/api/v1/users", Map.of("email", "admin-at-" + other.domain(),
                "name", "Taken", "password", "uncommon-passphrase", "role", "AGENT"));

        assertThat(taken.status()).isEqualTo(400).isEqualTo(malformed.status());
        assertThat(taken.json().get("errors")).isEqualTo(malformed.json().get("errors"));
        assertThat(taken.body()).doesNotContain(other.domain());
    }
}
