package dev.outdial.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** SPEC §4.3: adding customers to a campaign, their statuses, the list and per-customer actions. */
@OutdialIntegrationTest
class CampaignCustomersTest {

    @Autowired
    Api api;

    TestBusiness business;
    CampaignFixtures fixtures;
    long campaign;

    @BeforeEach
    void aCampaign() {
        business = api.newBusiness("customers");
        fixtures = new CampaignFixtures(business);
        campaign = fixtures.create("Customers", "PROGRESSIVE");
    }

    @Test
    void numbersInEveryUsualShapeAreStoredInE164AndBadOnesReportedWithTheirRow() {
        JsonNode report = add(List.of(
                customer("An", "0912 345 678"),
                customer("Bình", "+84 91-234-5679"),
                customer("Chi", "0084912345680"),
                customer("Dũng", "(028) 7300 0001"),
                customer("Nobody", "12"),
                customer("", "0912345681"),
                customer("Garbage", "call me maybe")));

        assertThat(report.get("total").asInt()).isEqualTo(7);
        assertThat(report.get("added").asInt()).isEqualTo(4);
        assertThat(report.get("rejectedCount").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").findValues("row").stream().map(JsonNode::asInt).toList())
                .containsExactly(5, 6, 7);
        assertThat(phonesOfList()).containsExactlyInAnyOrder("+84912345678", "+84912345679", "+84912345680",
                "+842873000001");
    }

    @Test
    void newCustomersAreNewOrBlockedOrDncByTheLists() {
        business.admin().post("/api/v1/blacklist", Map.of("number", "0912 000 001", "reason", "asked")).expect(201);
        business.admin().upload("/api/v1/dnc/import", "dnc.csv", "phone\n0912000002\n".getBytes()).expect(200);

        add(List.of(customer("Listed", "0912000001"), customer("Registered", "0912000002"), customer("Free", "0912000003")));

        Map<String, String> statuses = statusesByName();
        assertThat(statuses).containsEntry("Listed", "BLOCKED").containsEntry("Registered", "DNC")
                .containsEntry("Free", "NEW");
    }

    @Test
    void aNumberBlacklistedAfterImportIsBlockedAndReturnsWhenRemoved() {
        add(List.of(customer("Later", "0912000010")));
        long entry = business.admin().post("/api/v1/blacklist", Map.of("number", "+84912000010")).expect(201).id();

        assertThat(statusesByName()).containsEntry("Later", "BLOCKED");

        business.admin().delete("/api/v1/blacklist/" + entry).expect(204);
        assertThat(statusesByName()).containsEntry("Later", "NEW");
    }

    @Test
    void pauseKeepsTheStateAndStartReturnsIt() {
        add(List.of(customer("Paused", "0912000020")));
        long id = firstId();

        String path = "/api/v1/campaigns/" + campaign + "/customers/" + id;
        assertThat(business.admin().post(path + "/pause").expect(200).json().get("status").asString()).isEqualTo("PAUSED");
        assertThat(business.admin().post(path + "/pause").status()).isEqualTo(409);
        assertThat(business.admin().post(path + "/start").expect(200).json().get("status").asString()).isEqualTo("NEW");

        business.admin().delete(path).expect(204);
        assertThat(business.admin().get(path).status()).isEqualTo(404);
    }

    @Test
    void duplicatesAreAddedAndCounted() {
        add(List.of(customer("First", "0912000030")));

        JsonNode report = add(List.of(customer("Again", "+84912000030"), customer("Twice", "0912000031"),
                customer("Twice too", "0912 000 031")));

        assertThat(report.get("added").asInt()).isEqualTo(3);
        assertThat(report.get("duplicates").asInt()).isEqualTo(2);
    }

    @Test
    void wildcardsMatchExactlyTheCustomersTheyDescribe() {
        add(List.of(customer("Nguyễn An", "0912100001"), customer("Nguyễn Anh", "0912100002"),
                customer("Trần An", "0987100003"), customer("An", "0912100004")));

        assertThat(names("name=Nguy*%20An")).containsExactly("Nguyễn An");
        assertThat(names("name=*An")).containsExactlyInAnyOrder("Nguyễn An", "Trần An", "An");
        assertThat(names("name=Nguyễn%20An?")).containsExactly("Nguyễn Anh");
        assertThat(names("name=an")).hasSize(4);
        assertThat(names("phone=0912*")).containsExactlyInAnyOrder("Nguyễn An", "Nguyễn Anh", "An");
        assertThat(names("phone=091210000?")).containsExactlyInAnyOrder("Nguyễn An", "Nguyễn Anh", "An");
        assertThat(names("phone=+8498*")).containsExactly("Trần An");
        assertThat(names("phone=0912%20100%20002")).containsExactly("Nguyễn Anh");
        assertThat(names("name=100%25")).isEmpty();
    }

    @Test
    void theListFiltersByStatusAndPagesByKeysetReturningEachCustomerOnce() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            many.add(customer("Customer " + i, String.format("09130%05d", i)));
        }
        add(many);
        long paused = firstId();
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers/" + paused + "/pause").expect(200);

        Set<Long> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?limit=50"
                    + (cursor == null ? "" : "&cursor=" + cursor)).expect(200).json();
            page.get("items").forEach(item -> assertThat(seen.add(item.get("id").asLong())).isTrue());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(130);
        assertThat(pages).isEqualTo(3);

        JsonNode pausedOnly = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?status=PAUSED").json();
        assertThat(pausedOnly.get("items")).hasSize(1);
        JsonNode both = business.admin().get("/api/v1/campaigns/" + campaign + "/customers?status=PAUSED,NEW&limit=500")
                .json();
        assertThat(both.get("items")).hasSize(130);
        assertThat(business.admin().get("/api/v1/campaigns/" + campaign + "/customers?status=ASLEEP").status())
                .isEqualTo(400);
    }

    @Test
    void everyColumnOfTheListIsThere() {
        add(List.of(Map.of("name", "Full", "phone", "0912000040", "phones", List.of("028 7300 0040"),
                "externalId", "CRM-40", "email", "full@example.com", "accountManager", fixtures.agent.email(),
                "fields", Map.of("city", "Huế"), "dialingMode", "preview")));

        JsonNode customer = business.admin().get("/api/v1/campaigns/" + campaign + "/customers").json().get("items").get(0);
        assertThat(customer.get("campaignId").asLong()).isEqualTo(campaign);
        assertThat(customer.get("campaignName").asString()).isEqualTo("Customers");
        assertThat(customer.get("phones").get(1).asString()).isEqualTo("+842873000040");
        assertThat(customer.get("externalId").asString()).isEqualTo("CRM-40");
        assertThat(customer.get("accountManagerId").asLong()).isEqualTo(fixtures.agent.id());
        assertThat(customer.get("accountManagerName").asString()).isNotBlank();
        assertThat(customer.get("status").asString()).isEqualTo("NEW");
        assertThat(customer.get("attempts").asInt()).isZero();
        assertThat(customer.get("addedAt").asString()).isNotBlank();
        assertThat(customer.get("fields").get("city").asString()).isEqualTo("Huế");
        assertThat(customer.get("dialingMode").asString()).isEqualTo("PREVIEW");
    }

    @Test
    void aDialingModeACustomerCannotCarryIsRejectedWithItsRow() {
        JsonNode report = add(List.of(Map.of("name", "Robot", "phone", "0912000041", "dialingMode", "AUTOCALL"),
                Map.of("name", "Person", "phone", "0912000042")));

        assertThat(report.get("added").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").get(0).get("row").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").get(0).get("reason").asString()).contains("dialingMode");
    }

    @Test
    void anEndedCampaignTakesNoCustomers() {
        business.admin().post("/api/v1/campaigns/" + campaign + "/approve").expect(200);
        business.admin().post("/api/v1/campaigns/" + campaign + "/stop").expect(200);

        var refused = business.admin().post("/api/v1/campaigns/" + campaign + "/customers",
                Map.of("customers", List.of(customer("Late", "0912000050"))));
        assertThat(refused.status()).isEqualTo(409);
    }

    @Test
    void anotherBusinessSeesNoneOfThem() {
        add(List.of(customer("Secret", "0912000060")));
        TestBusiness other = api.newBusiness("prying");

        assertThat(other.admin().get("/api/v1/campaigns/" + campaign + "/customers").status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/customers?name=Secret").json().get("items")).isEmpty();
        assertThat(other.admin().post("/api/v1/campaigns/" + campaign + "/customers/" + firstId() + "/pause").status())
                .isEqualTo(404);
        assertThat(fixtures.agent.client().get("/api/v1/campaigns/" + campaign + "/customers").status()).isEqualTo(403);
    }

    private JsonNode add(List<Map<String, Object>> customers) {
        return business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", customers))
                .expect(201).json();
    }

    private static Map<String, Object> customer(String name, String phone) {
        return Map.of("name", name, "phone", phone);
    }

    private long firstId() {
        return business.admin().get("/api/v1/campaigns/" + campaign + "/customers?sort=added").json()
                .get("items").get(0).get("id").asLong();
    }

    private List<String> phonesOfList() {
        return business.admin().get("/api/v1/campaigns/" + campaign + "/customers").json().get("items")
                .findValues("phones").stream().map(phones -> phones.get(0).asString()).toList();
    }

    private Map<String, String> statusesByName() {
        Map<String, String> statuses = new java.util.HashMap<>();
        business.admin().get("/api/v1/campaigns/" + campaign + "/customers?limit=500").json().get("items")
                .forEach(item -> statuses.put(item.get("name").asString(), item.get("status").asString()));
        return statuses;
    }

    private List<String> names(String query) {
        return business.admin().get("/api/v1/campaigns/" + campaign + "/customers?limit=500&" + query).expect(200).json()
                .get("items").findValuesAsString("name");
    }
}
