package dev.outdial.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@OutdialIntegrationTest
class TicketsTest {

    @Autowired
    Api api;

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("tickets");
    }

    static Map<String, Object> ticket(String channel, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("customerName", "Nguyen Van A");
        body.put("phone", phone);
        body.put("subject", "Please call me back");
        return body;
    }

    @Test
    void aTicketIsOpenedWithItsNumberInE164() {
        JsonNode ticket = business.admin().post("/api/v1/tickets", ticket("CALLBACK", "0912 345 678")).expect(201).json();

        assertThat(ticket.get("status").asString()).isEqualTo("OPEN");
        assertThat(ticket.get("channel").asString()).isEqualTo("CALLBACK");
        assertThat(ticket.get("phone").asString()).isEqualTo("+84912345678");
        assertThat(business.admin().get("/api/v1/tickets/" + ticket.get("id").asLong()).expect(200).json()
                .get("subject").asString()).isEqualTo("Please call me back");
    }

    @Test
    void theListPagesAndFilters() {
        business.admin().post("/api/v1/tickets", ticket("CALLBACK", "0912345678")).expect(201);
        long email = business.admin().post("/api/v1/tickets", ticket("EMAIL", "0912000111")).expect(201).id();
        business.admin().post("/api/v1/tickets", ticket("CALLBACK", "0912000222")).expect(201);
        business.admin().put("/api/v1/tickets/" + email + "/status", Map.of("status", "CLOSED")).expect(200);

        JsonNode first = business.admin().get("/api/v1/tickets?limit=2").expect(200).json();
        assertThat(first.get("items").size()).isEqualTo(2);
        JsonNode second = business.admin().get("/api/v1/tickets?limit=2&cursor=" + first.get("nextCursor").asString())
                .expect(200).json();
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(business.admin().get("/api/v1/tickets?channel=CALLBACK").expect(200).json().get("items").size())
                .isEqualTo(2);
        assertThat(business.admin().get("/api/v1/tickets?status=CLOSED").expect(200).json().get("items")
                .findValuesAsString("id")).containsExactly(String.valueOf(email));
        assertThat(business.admin().get("/api/v1/tickets?phone=%2B84912345678").expect(200).json().get("items")
                .size()).isEqualTo(1);
    }

    @Test
    void everyFieldIsCheckedAndNamed() {
        Map<String, Object> body = ticket(null, "12");
        body.put("subject", "x".repeat(501));
        body.put("campaignId", 999_999);

        assertThat(business.admin().post("/api/v1/tickets", body).expect(400).json().get("errors")
                .findValuesAsString("field")).containsExactlyInAnyOrder("channel", "phone", "subject", "campaignId");
    }

    @Test
    void rolesAndIsolation() {
        TestBusiness.Person agent = business.agent("ticket-agent");
        long id = agent.client().post("/api/v1/tickets", ticket("OTHER", "0912345678")).expect(201).id();

        agent.client().get("/api/v1/tickets/" + id).expect(200);
        agent.client().put("/api/v1/tickets/" + id + "/status", Map.of("status", "CLOSED")).expect(403);
        business.person("SUPERVISOR", "ticket-sup").client()
                .put("/api/v1/tickets/" + id + "/status", Map.of("status", "PENDING")).expect(200);
        TestBusiness other = api.newBusiness("other-tickets");
        other.admin().get("/api/v1/tickets/" + id).expect(404);
        other.admin().put("/api/v1/tickets/" + id + "/status", Map.of("status", "CLOSED")).expect(404);
        assertThat(other.admin().get("/api/v1/tickets").expect(200).json().get("items").size()).isZero();
    }
}
