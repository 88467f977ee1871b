package dev.outdial.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Advanced filters: conditions on contacts' fields, ALL or ANY, compiled to one parameterised query. */
@OutdialIntegrationTest
class ContactFiltersTest {

    @Autowired
    Api api;

    @Autowired
    ContactFilters filters;

    TestBusiness business;
    TestBusiness.Person agent;

    @BeforeEach
    void aWarehouseOfFourCustomers() {
        business = api.newBusiness("filters");
        agent = business.agent("manager");
        contact(Map.of("name", "Nguyễn Văn An", "phones", List.of("0912345678"), "email", "an@vip.vn",
                "externalId", "SAP-1", "accountManagerId", agent.id(), "fields", Map.of("city", "Hà Nội", "tier", "gold")));
        contact(Map.of("name", "Trần Thị Bình", "phones", List.of("0987654321", "02873000001"),
                "fields", Map.of("city", "Huế")));
        contact(Map.of("name", "Lê Văn Cường", "phones", List.of("+14155552671"), "email", "cuong@mail.com",
                "externalId", "SAP-2"));
        contact(Map.of("name", "Phạm Dung", "phones", List.of("0911000000"), "fields", Map.of("tier", "silver")));
    }

    @Test
    void equalsIgnoresCase() {
        assertThat(matching("ALL", cond("name", "EQUALS", "nguyễn văn an"))).containsExactly("Nguyễn Văn An");
        assertThat(matching("ALL", cond("phone", "EQUALS", "+84 98-765-4321"))).containsExactly("Trần Thị Bình");
    }

    @Test
    void containsAndStartsWith() {
        assertThat(matching("ALL", cond("name", "CONTAINS", "văn")))
                .containsExactlyInAnyOrder("Nguyễn Văn An", "Lê Văn Cường");
        assertThat(matching("ALL", cond("email", "STARTS_WITH", "CUONG"))).containsExactly("Lê Văn Cường");
        assertThat(matching("ALL", cond("phone", "STARTS_WITH", "091")))
                .containsExactlyInAnyOrder("Nguyễn Văn An", "Phạm Dung");
        assertThat(matching("ALL", cond("phone", "STARTS_WITH", "+1 415"))).containsExactly("Lê Văn Cường");
        assertThat(matching("ALL", cond("phone", "CONTAINS", "7300 0001"))).containsExactly("Trần Thị Bình");
        assertThat(matching("ALL", cond("name", "CONTAINS", "%"))).isEmpty();
    }

    @Test
    void inTakesAListAndIsEmptyTakesNothing() {
        assertThat(matching("ALL", cond("externalId", "IN", List.of("sap-1", "SAP-2"))))
                .containsExactlyInAnyOrder("Nguyễn Văn An", "Lê Văn Cường");
        assertThat(matching("ALL", cond("phone", "IN", List.of("0911 000 000", "+14155552671"))))
                .containsExactlyInAnyOrder("Phạm Dung", "Lê Văn Cường");
        assertThat(matching("ALL", cond("email", "IS_EMPTY", null)))
                .containsExactlyInAnyOrder("Trần Thị Bình", "Phạm Dung");
        assertThat(matching("ALL", cond("accountManagerId", "IS_EMPTY", null))).hasSize(3);
        assertThat(matching("ALL", cond("accountManagerId", "EQUALS", agent.id()))).containsExactly("Nguyễn Văn An");
    }

    @Test
    void customFieldsAreQueriedByName() {
        assertThat(matching("ALL", cond("fields.city", "EQUALS", "hà nội"))).containsExactly("Nguyễn Văn An");
        assertThat(matching("ALL", cond("fields.tier", "IN", List.of("gold", "silver"))))
                .containsExactlyInAnyOrder("Nguyễn Văn An", "Phạm Dung");
        assertThat(matching("ALL", cond("fields.city", "IS_EMPTY", null)))
                .containsExactlyInAnyOrder("Lê Văn Cường", "Phạm Dung");
    }

    @Test
    void allNeedsEveryConditionAndAnyNeedsOne() {
        Map<String, Object> gold = cond("fields.tier", "EQUALS", "gold");
        Map<String, Object> hue = cond("fields.city", "EQUALS", "Huế");
        Map<String, Object> hanoi = cond("fields.city", "EQUALS", "Hà Nội");

        assertThat(matching("ALL", gold, hanoi)).containsExactly("Nguyễn Văn An");
        assertThat(matching("ALL", gold, hue)).isEmpty();
        assertThat(matching("ANY", gold, hue)).containsExactlyInAnyOrder("Nguyễn Văn An", "Trần Thị Bình");
        assertThat(matching("ALL")).hasSize(4);
    }

    @Test
    void createdAtIsADayInTheBusinessTimeZone() {
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

        assertThat(matching("ALL", cond("createdAt", "EQUALS", today))).hasSize(4);
        assertThat(matching("ALL", cond("createdAt", "IN", List.of("2001-01-01")))).isEmpty();
    }

    @Test
    void aSavedFilterPreviewsACountThatMatchesARecount() {
        long id = business.admin().post("/api/v1/contact-filters", Map.of("name", "Vietnam mobiles", "match", "ANY",
                "conditions", List.of(cond("phone", "STARTS_WITH", "+849"), cond("fields.city", "EQUALS", "Huế"))))
                .expect(201).id();

        JsonNode preview = business.admin().get("/api/v1/contact-filters/" + id + "/preview").expect(200).json();

        AtomicLong recount = new AtomicLong();
        List<String> streamed = new ArrayList<>();
        filters.streamMatching(business.id(), id, contact -> {
            recount.incrementAndGet();
            streamed.add(contact.name());
        });
        assertThat(preview.get("count").asLong()).isEqualTo(recount.get()).isEqualTo(3);
        assertThat(preview.get("sample").findValuesAsString("name")).containsExactlyInAnyOrderElementsOf(streamed);
    }

    @Test
    void aValueTryingSqlInjectionFindsNothingAndBreaksNothing() {
        for (String attack : List.of("'; drop table contact; --", "' or '1'='1", "x') or 1=1 --")) {
            assertThat(matching("ALL", cond("name", "EQUALS", attack))).isEmpty();
            assertThat(matching("ALL", cond("fields.' or 1=1 --", "CONTAINS", attack))).isEmpty();
            assertThat(matching("ANY", cond("email", "IN", List.of(attack)))).isEmpty();
        }

        assertThat(matching("ALL")).hasSize(4);
    }

    @Test
    void brokenConditionsAreNamedFieldByField() {
        Api.Response rejected = business.admin().post("/api/v1/contact-filters/preview", Map.of("match", "ALL",
                "conditions", List.of(
                        cond("birthday", "EQUALS", "x"),
                        cond("createdAt", "CONTAINS", "2026"),
                        cond("name", "IN", "not a list"),
                        cond("email", "IS_EMPTY", "something"),
                        cond("phone", "EQUALS", "12"),
                        cond("createdAt", "EQUALS", "yesterday"),
                        cond("name", "EQUALS", ""))));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("errors").findValuesAsString("field")).containsExactly(
                "conditions[0].field", "conditions[1].operator", "conditions[2].value", "conditions[3].value",
                "conditions[4].value", "conditions[5].value", "conditions[6].value");
    }

    @Test
    void aSavedFilterIsNamedUniquelyAndBelongsToItsBusiness() {
        Map<String, Object> filter = Map.of("name", "Gold", "match", "ALL",
                "conditions", List.of(cond("fields.tier", "EQUALS", "gold")));
        long id = business.admin().post("/api/v1/contact-filters", filter).expect(201).id();

        assertThat(business.admin().post("/api/v1/contact-filters", filter).status()).isEqualTo(409);
        TestBusiness other = api.newBusiness("other-filters");
        assertThat(other.admin().get("/api/v1/contact-filters/" + id).status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/contact-filters/" + id + "/preview").status()).isEqualTo(404);
        assertThat(other.admin().post("/api/v1/contact-filters/preview", Map.of("match", "ALL", "conditions", List.of()))
                .expect(200).json().get("count").asLong()).isZero();

        JsonNode saved = business.admin().get("/api/v1/contact-filters/" + id).expect(200).json();
        assertThat(saved.get("conditions").get(0).get("value").asString()).isEqualTo("gold");
    }

    @SafeVarargs
    private List<String> matching(String match, Map<String, Object>... conditions) {
        JsonNode preview = business.admin().post("/api/v1/contact-filters/preview",
                Map.of("match", match, "conditions", List.of(conditions))).expect(200).json();
        return preview.get("sample").findValuesAsString("name");
    }

    private static Map<String, Object> cond(String field, String operator, Object value) {
        Map<String, Object> condition = new HashMap<>(Map.of("field", field, "operator", operator));
        condition.put("value", value);
        return condition;
    }

    private void contact(Map<String, Object> body) {
        business.admin().post("/api/v1/contacts", body).expect(201);
    }
}
