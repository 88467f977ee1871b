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
import tools.jackson.databind.JsonNode;

/** SPEC §4.3: customers come from contacts chosen one by one, a customer group or a contact filter. */
@OutdialIntegrationTest
class AddFromWarehouseTest {

    @Autowired
    Api api;

    TestBusiness business;
    long campaign;
    long an;
    long binh;
    long chi;

    @BeforeEach
    void aWarehouseAndACampaign() {
        business = api.newBusiness("warehouse");
        campaign = new CampaignFixtures(business).create("From warehouse", "PREVIEW");
        an = contact("An", "0912000401", "Huế");
        binh = contact("Bình", "0912000402", "Hà Nội");
        chi = contact("Chi", "0912000403", "Huế");
    }

    @Test
    void contactsChosenOneByOneBecomeCustomersWithTheirData() {
        JsonNode job = add(Map.of("contactIds", List.of(an, binh))).expect(201).json();

        assertThat(job.get("source").asString()).isEqualTo("CONTACTS");
        assertThat(job.get("added").asInt()).isEqualTo(2);
        JsonNode customer = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?name=An").json()
                .get("items").get(0);
        assertThat(customer.get("contactId").asLong()).isEqualTo(an);
        assertThat(customer.get("phones").get(0).asString()).isEqualTo("+84912000401");
        assertThat(customer.get("fields").get("city").asString()).isEqualTo("Huế");
    }

    @Test
    void aCustomerGroupAddsItsMembersAndTheListShowsTheGroup() {
        long group = business.admin().post("/api/v1/customer-groups", Map.of("name", "VIP")).expect(201).id();
        business.admin().post("/api/v1/customer-groups/" + group + "/members", Map.of("contactIds", List.of(an, chi)))
                .expect(200);

        assertThat(add(Map.of("groupId", group)).expect(201).json().get("added").asInt()).isEqualTo(2);
        JsonNode ofGroup = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?groupId=" + group).json();
        assertThat(ofGroup.get("items").findValuesAsString("name")).containsExactlyInAnyOrder("An", "Chi");

        add(Map.of("contactIds", List.of(binh))).expect(201);
        JsonNode byGroup = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?groupBy=group").expect(200)
                .json().get("groups");
        assertThat(byGroup).hasSize(2);
        assertThat(byGroup.get(0).get("groupName").asString()).isEqualTo("VIP");
        assertThat(byGroup.get(0).get("customers").asLong()).isEqualTo(2);
        assertThat(byGroup.get(1).get("customers").asLong()).isEqualTo(1);
        assertThat(business.admin().get("/api/v1/campaigns/" + campaign + "/customer-groups").expect(200).json()
                .get("groups")).as("its own path, one response shape").isEqualTo(byGroup);
    }

    @Test
    void aContactFilterAddsTheContactsItMatches() {
        long filter = business.admin().post("/api/v1/contact-filters", Map.of("name", "Huế", "match", "ALL",
                "conditions", List.of(Map.of("field", "fields.city", "operator", "EQUALS", "value", "Huế"))))
                .expect(201).id();

        assertThat(add(Map.of("filterId", filter)).expect(201).json().get("added").asInt()).isEqualTo(2);
    }

    @Test
    void exactlyOneSourceAndOnlyThisBusinessesContacts() {
        assertThat(add(Map.of("groupId", 1, "filterId", 2)).status()).isEqualTo(400);
        assertThat(add(Map.of()).status()).isEqualTo(400);

        long stranger = api.newBusiness("stranger").admin().post("/api/v1/contacts",
                Map.of("name", "X", "phones", List.of("0912000499"))).expect(201).id();
        Api.Response refused = add(Map.of("contactIds", List.of(an, stranger)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("contactIds");
        assertThat(add(Map.of("groupId", 987654321)).status()).isEqualTo(400);
    }

    private Api.Response add(Map<String, Object> body) {
        return business.admin().post("/api/v1/campaigns/" + campaign + "/customers", body);
    }

    private long contact(String name, String phone, String city) {
        return business.admin().post("/api/v1/contacts", Map.of("name", name, "phones", List.of(phone),
                "fields", Map.of("city", city))).expect(201).id();
    }
}
