package dev.outdial.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The manual's Auto Callback set-up: "ticket is created" and "channel is Callback" add the caller once. */
@OutdialIntegrationTest
class TriggersTest {

    @Autowired
    Api api;

    TestBusiness business;
    CampaignFixtures fixtures;
    long callbackCampaign;

    @BeforeEach
    void aBusinessWithAnAutoCallbackCampaign() {
        business = api.newBusiness("triggers");
        fixtures = new CampaignFixtures(business);
        callbackCampaign = fixtures.create("Call them back", "AUTO_CALLBACK");
    }

    static Map<String, Object> condition(String field, String operator, String value) {
        return Map.of("field", field, "operator", operator, "value", value);
    }

    private Map<String, Object> trigger(String match, List<Map<String, Object>> conditions) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Callback requests");
        body.put("match", match);
        body.put("conditions", conditions);
        body.put("actions", List.of(Map.of("type", "ADD_CUSTOMER_TO_CAMPAIGN", "campaignId", callbackCampaign)));
        return body;
    }

    private Map<String, Object> callbackTrigger() {
        return trigger("ALL", List.of(condition("EVENT", "IS", "TICKET_CREATED"),
                condition("CHANNEL", "IS", "CALLBACK")));
    }

    private void ticket(String channel, String phone) {
        business.admin().post("/api/v1/tickets", TicketsTest.ticket(channel, phone)).expect(201);
    }

    private List<String> customerPhones() {
        List<String> phones = new ArrayList<>();
        business.admin().get("/api/v1/campaigns/" + callbackCampaign + "/customers").expect(200).json().get("items")
                .forEach(customer -> phones.add(customer.get("phones").get(0).asString()));
        return phones;
    }

    @Test
    void aCallbackTicketAddsTheCallerOnce() {
        business.admin().post("/api/v1/triggers", callbackTrigger()).expect(201);

        ticket("CALLBACK", "0912 345 678");
        assertThat(customerPhones()).containsExactly("+84912345678");
        ticket("CALLBACK", "+84 912 345 678");
        ticket("CALLBACK", "0912.345.678");
        assertThat(customerPhones()).containsExactly("+84912345678");
    }

    @Test
    void callbacksAtTheSameMomentStillAddTheCallerOnce() {
        business.admin().post("/api/v1/triggers", callbackTrigger()).expect(201);

        List<CompletableFuture<Void>> requests = new ArrayList<>();
        IntStream.range(0, 4).forEach(i -> requests.add(CompletableFuture.runAsync(() -> ticket("CALLBACK", "0912345679"))));
        requests.forEach(CompletableFuture::join);

        assertThat(customerPhones()).containsExactly("+84912345679");
    }

    @Test
    void aTicketOfAnotherChannelOrADisabledTriggerAddsNobody() {
        long id = business.admin().post("/api/v1/triggers", callbackTrigger()).expect(201).id();
        ticket("MISSED_CALL", "0912345678");
        assertThat(customerPhones()).isEmpty();

        Map<String, Object> disabled = callbackTrigger();
        disabled.put("enabled", false);
        business.admin().put("/api/v1/triggers/" + id, disabled).expect(200);
        ticket("CALLBACK", "0912345678");
        assertThat(customerPhones()).isEmpty();
    }

    @Test
    void anyMatchesOneConditionAndIsNotExcludes() {
        business.admin().post("/api/v1/triggers", trigger("ANY", List.of(condition("CHANNEL", "IS", "EMAIL"),
                condition("CHANNEL", "IS", "MISSED_CALL")))).expect(201);
        Map<String, Object> notClosed = trigger("ALL", List.of(condition("EVENT", "IS", "TICKET_CREATED"),
                condition("CHANNEL", "IS_NOT", "CALL")));
        notClosed.put("name", "Anything but calls");
        business.admin().post("/api/v1/triggers", notClosed).expect(201);

        ticket("MISSED_CALL", "0912000001");
        ticket("CALL", "0912000002");
        ticket("OTHER", "0912000003");

        assertThat(customerPhones()).containsExactlyInAnyOrder("+84912000001", "+84912000003");
    }

    @Test
    void allNeedsEveryCondition() {
        business.admin().post("/api/v1/triggers", trigger("ALL", List.of(condition("EVENT", "IS", "TICKET_STATUS_CHANGED"),
                condition("STATUS", "IS", "PENDING")))).expect(201);
        long id = business.admin().post("/api/v1/tickets", TicketsTest.ticket("EMAIL", "0912000004")).expect(201).id();
        assertThat(customerPhones()).isEmpty();

        business.admin().put("/api/v1/tickets/" + id + "/status", Map.of("status", "CLOSED")).expect(200);
        assertThat(customerPhones()).isEmpty();
        business.admin().put("/api/v1/tickets/" + id + "/status", Map.of("status", "PENDING")).expect(200);
        assertThat(customerPhones()).containsExactly("+84912000004");
    }

    @Test
    void everyPartIsCheckedWithItsPath() {
        long progressive = fixtures.create("Sales", "PROGRESSIVE");
        Map<String, Object> body = new HashMap<>();
        body.put("name", " ");
        body.put("conditions", List.of(condition("EVENT", "IS", "TICKET_CREATED"), condition("CHANNEL", "IS", "FAX")));
        body.put("actions", List.of(Map.of("type", "ADD_CUSTOMER_TO_CAMPAIGN", "campaignId", progressive),
                Map.of("type", "ADD_CUSTOMER_TO_CAMPAIGN")));

        JsonNode errors = business.admin().post("/api/v1/triggers", body).expect(400).json().get("errors");

        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("name", "match",
                "conditions[1].value", "actions[0].campaignId", "actions[1].campaignId");
        Map<String, Object> empty = callbackTrigger();
        empty.put("conditions", List.of());
        assertThat(business.admin().post("/api/v1/triggers", empty).expect(400).json().get("errors")
                .findValuesAsString("field")).containsExactly("conditions");
    }

    @Test
    void anEndedCampaignTakesNobodyButTheTicketIsStillSaved() {
        business.admin().post("/api/v1/triggers", callbackTrigger()).expect(201);
        business.admin().post("/api/v1/campaigns/" + callbackCampaign + "/approve").expect(200);
        business.admin().post("/api/v1/campaigns/" + callbackCampaign + "/stop").expect(200);

        ticket("CALLBACK", "0912345678");

        assertThat(business.admin().get("/api/v1/tickets?channel=CALLBACK").expect(200).json().get("items").size())
                .isEqualTo(1);
        assertThat(customerPhones()).isEmpty();
        Map<String, Object> again = callbackTrigger();
        again.put("name", "Another");
        JsonNode error = business.admin().withHeader("Accept-Language", "vi").post("/api/v1/triggers", again)
                .expect(400).json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("actions[0].campaignId");
        assertThat(error.get("message").asString()).contains("đã kết thúc");
    }

    @Test
    void rolesAndIsolation() {
        long id = business.admin().post("/api/v1/triggers", callbackTrigger()).expect(201).id();

        // SPEC §1: supervisors have no settings; a trigger is business automation no campaign view needs.
        business.person("SUPERVISOR", "trigger-sup").client().get("/api/v1/triggers/" + id).expect(403);
        business.person("SUPERVISOR", "trigger-sup2").client().post("/api/v1/triggers", callbackTrigger()).expect(403);
        business.agent("trigger-agent").client().get("/api/v1/triggers").expect(403);
        TestBusiness other = api.newBusiness("other-triggers");
        other.admin().get("/api/v1/triggers/" + id).expect(404);
        other.admin().delete("/api/v1/triggers/" + id).expect(404);
        other.admin().put("/api/v1/triggers/" + id, callbackTrigger()).expect(404);
        assertThat(other.admin().post("/api/v1/triggers", callbackTrigger()).expect(400).json().get("errors")
                .findValuesAsString("field")).containsExactly("actions[0].campaignId");
        business.admin().delete("/api/v1/triggers/" + id).expect(204);
    }
}
