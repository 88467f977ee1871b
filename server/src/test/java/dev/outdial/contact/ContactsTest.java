package dev.outdial.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** SPEC §3: the customer warehouse, phone numbers stored in E.164 with the business's country. */
@OutdialIntegrationTest
class ContactsTest {

    @Autowired
    Api api;

    @Autowired
    Contacts contacts;

    TestBusiness business;

    @BeforeEach
    void aVietnameseBusiness() {
        business = api.newBusiness("contacts");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0912 345 678      | +84912345678",
            "+84 91-234-5678   | +84912345678",
            "0084912345678     | +84912345678",
            "84.912.345.678    | +84912345678",
            "(028) 7300 0001   | +842873000001",
            "+1 (415) 555-2671 | +14155552671"})
    void aPhoneTypedTheWayPeopleTypeItIsStoredInE164(String typed, String e164) {
        JsonNode contact = create(Map.of("name", "An", "phones", List.of(typed))).expect(201).json();

        assertThat(contact.get("phones").get(0).asString()).isEqualTo(e164);
    }

    @Test
    void aBadNumberIsRejectedNamingItsPlaceInTheListAndTheReason() {
        Api.Response rejected = create(Map.of("name", "An", "phones", List.of("0912345678", "garbage", "12")));

        assertThat(rejected.status()).isEqualTo(400);
        JsonNode errors = rejected.json().get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly("phones[1]", "phones[2]");
        assertThat(errors.get(0).get("message").asString()).contains("garbage").contains("not a phone number");
        assertThat(errors.get(1).get("message").asString()).contains("12").contains("too short");
    }

    @Test
    void aContactKeepsItsFieldsAndItsFirstNumberIsPrimary() {
        TestBusiness.Person agent = business.agent("manager");

        JsonNode contact = create(Map.of("name", " Nguyễn Văn An ", "phones", List.of("0987 654 321", "0912345678",
                        "+84987654321"), "email", "an@example.vn", "externalId", "SAP-42",
                "accountManagerId", agent.id(), "fields", Map.of("city", "Hà Nội", "tier", "gold", "empty", " ")))
                .expect(201).json();

        assertThat(contact.get("name").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(contact.get("phones").valueStream().map(JsonNode::asString).toList())
                .containsExactly("+84987654321", "+84912345678");
        assertThat(contact.get("email").asString()).isEqualTo("an@example.vn");
        assertThat(contact.get("externalId").asString()).isEqualTo("SAP-42");
        assertThat(contact.get("accountManagerId").asLong()).isEqualTo(agent.id());
        assertThat(contact.get("fields").propertyNames()).containsExactly("city", "tier");
        assertThat(contact.get("createdAt").isNull()).isFalse();
        assertThat(contacts.get(business.id(), contact.get("id").asLong()).primaryPhone()).isEqualTo("+84987654321");
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        TestBusiness.Person supervisor = business.person("SUPERVISOR", "sup");

        Api.Response rejected = create(Map.of("name", " ", "phones", List.of(), "email", "not-an-email",
                "accountManagerId", supervisor.id(), "fields", Map.of("x".repeat(65), "v")));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "name", "phones", "email", "accountManagerId", "fields." + "x".repeat(65));
    }

    @Test
    void anUpdateReplacesTheContactAndADeleteRemovesIt() {
        long id = create(Map.of("name", "An", "phones", List.of("0912345678"), "fields", Map.of("city", "Huế")))
                .expect(201).id();

        JsonNode updated = business.admin().put("/api/v1/contacts/" + id, Map.of("name", "An Nguyễn",
                "phones", List.of("0987654321"))).expect(200).json();
        assertThat(updated.get("phones").get(0).asString()).isEqualTo("+84987654321");
        assertThat(updated.get("fields").isEmpty()).isTrue();

        business.admin().delete("/api/v1/contacts/" + id).expect(204);
        assertThat(business.admin().get("/api/v1/contacts/" + id).status()).isEqualTo(404);
    }

    @Test
    void theSearchFindsANameOrANumberTypedAnyWay() {
        create(Map.of("name", "Nguyễn Văn An", "phones", List.of("0912345678"))).expect(201);
        create(Map.of("name", "Trần Thị Bình", "phones", List.of("0987654321"), "externalId", "CRM-7")).expect(201);

        assertThat(names("nguyễn")).containsExactly("Nguyễn Văn An");
        assertThat(names("+84 91 234 5678")).containsExactly("Nguyễn Văn An");
        assertThat(names("0084912345678")).containsExactly("Nguyễn Văn An");
        assertThat(names("654 321")).containsExactly("Trần Thị Bình");
        assertThat(names("crm-7")).containsExactly("Trần Thị Bình");
        assertThat(names("50%")).isEmpty();
    }

    @Test
    void pagingThrough1200ContactsByKeysetReturnsEachExactlyOnce() {
        Set<Long> created = new HashSet<>();
        for (int i = 0; i < 1_200; i++) {
            created.add(contacts.create(business.id(), new ContactDraft("Customer " + i,
                    List.of("09%08d".formatted(i)), null, null, null, null)).id());
        }

        List<Long> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = business.admin().get("/api/v1/contacts?limit=500&cursor=" + cursor).expect(200).json();
            page.get("items").forEach(contact -> seen.add(contact.get("id").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(1_200).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(created);
        assertThat(seen).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void contactsAreStreamedByIdsSkippingWhatIsNotTheBusinesses() {
        long first = create(Map.of("name", "A", "phones", List.of("0912345678"))).expect(201).id();
        long second = create(Map.of("name", "B", "phones", List.of("0912345679"))).expect(201).id();
        TestBusiness other = api.newBusiness("other-contacts");
        long theirs = other.admin().post("/api/v1/contacts", Map.of("name", "C", "phones", List.of("0912345670")))
                .expect(201).id();

        List<String> names = new ArrayList<>();
        contacts.streamByIds(business.id(), List.of(first, second, theirs, first), contact -> names.add(contact.name()));

        assertThat(names).containsExactlyInAnyOrder("A", "B");
        assertThat(contacts.unknownContacts(business.id(), List.of(first, theirs))).containsExactly(theirs);
    }

    @Test
    void anotherBusinessesContactIsNotFound() {
        long id = create(Map.of("name", "Ours", "phones", List.of("0912345678"))).expect(201).id();
        TestBusiness other = api.newBusiness("intruder");
        String path = "/api/v1/contacts/" + id;

        assertThat(other.admin().get(path).status()).isEqualTo(404);
        assertThat(other.admin().put(path, Map.of("name", "Taken", "phones", List.of("0912345678"))).status())
                .isEqualTo(404);
        assertThat(other.admin().delete(path).status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/contacts").body()).doesNotContain("Ours");
        assertThat(business.admin().get(path).json().get("name").asString()).isEqualTo("Ours");
    }

    @Test
    void supervisorsManageContactsAndAgentsMayNot() {
        Api.Client supervisor = business.person("SUPERVISOR", "sup").client();
        Api.Client agent = business.agent("agent").client();

        long id = supervisor.post("/api/v1/contacts", Map.of("name", "An", "phones", List.of("0912345678")))
                .expect(201).id();
        supervisor.get("/api/v1/contacts").expect(200);
        assertThat(agent.get("/api/v1/contacts").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/contacts/" + id).status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/contacts", Map.of("name", "X", "phones", List.of("0912345679"))).status())
                .isEqualTo(403);
        assertThat(agent.get("/api/v1/customer-groups").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/contact-filters").status()).isEqualTo(403);
    }

    private List<String> names(String q) {
        String encoded = java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
        return business.admin().get("/api/v1/contacts?q=" + encoded).expect(200).json().get("items")
                .findValuesAsString("name");
    }

    private Api.Response create(Map<String, Object> body) {
        return business.admin().post("/api/v1/contacts", body);
    }
}
