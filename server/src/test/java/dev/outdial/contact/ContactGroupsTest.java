package dev.outdial.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Customer groups: named sets of the business's contacts, added to campaigns as a whole. */
@OutdialIntegrationTest
class ContactGroupsTest {

    @Autowired
    Api api;

    @Autowired
    ContactGroups groups;

    TestBusiness business;
    long an;
    long binh;

    @BeforeEach
    void aBusinessWithTwoContacts() {
        business = api.newBusiness("groups");
        an = contact("An", "0912345678");
        binh = contact("Bình", "0987654321");
    }

    @Test
    void contactsAreAddedOnceAndRemoved() {
        long group = business.admin().post("/api/v1/customer-groups", Map.of("name", "VIP")).expect(201).id();

        business.admin().post("/api/v1/customer-groups/" + group + "/members", Map.of("contactIds", List.of(an, binh)))
                .expect(200);
        JsonNode again = business.admin().post("/api/v1/customer-groups/" + group + "/members",
                Map.of("contactIds", List.of(an))).expect(200).json();
        assertThat(again.get("memberCount").asLong()).isEqualTo(2);

        JsonNode afterRemoval = business.admin().delete("/api/v1/customer-groups/" + group + "/members/" + an)
                .expect(200).json();
        assertThat(afterRemoval.get("memberCount").asLong()).isEqualTo(1);
        assertThat(business.admin().get("/api/v1/customer-groups/" + group + "/members").json().get("items")
                .findValuesAsString("name")).containsExactly("Bình");
    }

    @Test
    void aNameIsUniqueInTheBusinessWhateverItsCase() {
        business.admin().post("/api/v1/customer-groups", Map.of("name", "VIP")).expect(201);

        assertThat(business.admin().post("/api/v1/customer-groups", Map.of("name", "vip")).status()).isEqualTo(409);
        api.newBusiness("other-groups").admin().post("/api/v1/customer-groups", Map.of("name", "VIP")).expect(201);
    }

    @Test
    void anotherBusinessesContactCannotJoinAndItsGroupIsNotFound() {
        TestBusiness other = api.newBusiness("foreign-groups");
        long theirContact = other.admin().post("/api/v1/contacts", Map.of("name", "C", "phones", List.of("0911111111")))
                .expect(201).id();
        long group = business.admin().post("/api/v1/customer-groups", Map.of("name", "Mixed")).expect(201).id();

        Api.Response rejected = business.admin().post("/api/v1/customer-groups/" + group + "/members",
                Map.of("contactIds", List.of(an, theirContact)));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.json().get("errors").get(0).get("field").asString()).isEqualTo("contactIds");
        assertThat(groups.get(business.id(), group).memberCount()).isZero();
        assertThat(other.admin().get("/api/v1/customer-groups/" + group).status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/customer-groups/" + group + "/members").status()).isEqualTo(404);
        assertThat(other.admin().delete("/api/v1/customer-groups/" + group).status()).isEqualTo(404);
    }

    @Test
    void membersArePagedAndStreamed() {
        long group = business.admin().post("/api/v1/customer-groups", Map.of("name", "All")).expect(201).id();
        List<Long> ids = new ArrayList<>(List.of(an, binh));
        for (int i = 0; i < 3; i++) {
            ids.add(contact("Extra " + i, "090000000" + i));
        }
        business.admin().post("/api/v1/customer-groups/" + group + "/members", Map.of("contactIds", ids)).expect(200);

        JsonNode first = business.admin().get("/api/v1/customer-groups/" + group + "/members?limit=2").expect(200).json();
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(first.get("nextCursor").isNull()).isFalse();

        List<Long> streamed = new ArrayList<>();
        groups.streamMembers(business.id(), group, contact -> streamed.add(contact.id()));
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void deletingAGroupKeepsItsContacts() {
        long group = business.admin().post("/api/v1/customer-groups", Map.of("name", "Old")).expect(201).id();
        business.admin().post("/api/v1/customer-groups/" + group + "/members", Map.of("contactIds", List.of(an)))
                .expect(200);

        business.admin().delete("/api/v1/customer-groups/" + group).expect(204);

        business.admin().get("/api/v1/contacts/" + an).expect(200);
        assertThat(business.admin().get("/api/v1/customer-groups/" + group).status()).isEqualTo(404);
    }

    private long contact(String name, String phone) {
        return business.admin().post("/api/v1/contacts", Map.of("name", name, "phones", List.of(phone))).expect(201).id();
    }
}
