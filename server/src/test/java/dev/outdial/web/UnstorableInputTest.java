package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Text PostgreSQL cannot store (a NUL character; half of a surrogate pair, which it would store
 * as "?") and instants outside its calendar answer 400 naming the field, on H2 and PostgreSQL
 * alike (this class runs in both suites), wherever they are sent: any JSON field, a map's key, a
 * search parameter. On PostgreSQL each of these answered 500 before.
 */
@OutdialIntegrationTest
class UnstorableInputTest {

    private static final String NUL = "\u0000";

    @Autowired
    Api api;

    TestBusiness business;
    CampaignFixtures fixtures;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("unstorable");
        fixtures = new CampaignFixtures(business);
    }

    @Test
    void aNulCharacterInAnyJsonFieldIsRefusedNamingTheField() {
        Map<String, Object> campaign = fixtures.fullBody("Bad" + NUL + "name", "PREVIEW");
        assertRefused(business.admin().post("/api/v1/campaigns", campaign), "name");
        Map<String, Object> described = fixtures.fullBody("Fine name", "PREVIEW");
        described.put("description", "with " + NUL);
        assertRefused(business.admin().post("/api/v1/campaigns", described), "description");

        assertRefused(business.admin().post("/api/v1/contacts", Map.of("name", "A" + NUL,
                "phones", List.of("0912345670"))), "name");
        assertRefused(business.admin().post("/api/v1/contacts", Map.of("name", "A", "phones", List.of("0912345671"),
                "fields", Map.of("city", "Ha" + NUL))), "fields.city");
        assertRefused(business.admin().post("/api/v1/contacts", Map.of("name", "A", "phones", List.of("0912345672"),
                "fields", Map.of("ci" + NUL + "ty", "Hanoi"))), "fields");

        Map<String, Object> ticket = new HashMap<>(Map.of("channel", "CALLBACK", "phone", "0912345673",
                "subject", "Call" + NUL));
        assertRefused(business.admin().post("/api/v1/tickets", ticket), "subject");
        assertRefused(business.admin().post("/api/v1/hotlines", Map.of("number", "+84 28 7300 9999",
                "name", "Line" + NUL, "group", "Main")), "name");
        assertRefused(business.admin().post("/api/v1/blacklist", Map.of("number", "0912 000 002",
                "reason", "asked" + NUL)), "reason");

        long campaignId = fixtures.create("Customers", "PREVIEW");
        assertRefused(business.admin().post("/api/v1/campaigns/" + campaignId + "/customers", Map.of("customers",
                List.of(Map.of("name", "Good", "phone", "0912000001"), Map.of("name", "B" + NUL, "phone", "0912000002")))),
                "customers[1].name");
        assertThat(business.admin().get("/api/v1/campaigns/" + campaignId + "/customers").expect(200)
                .json().get("items")).isEmpty();
    }

    @Test
    void halfASurrogatePairIsRefusedAndAWholeOneIsKept() {
        String loneSurrogate = "{\"name\": \"Lone \\ud800 half\", \"phones\": [\"0912345674\"]}";
        assertRefused(business.admin().post("/api/v1/contacts", loneSurrogate), "name");

        JsonNode emoji = business.admin().post("/api/v1/contacts", Map.of("name", "Anh \uD83D\uDE00",
                "phones", List.of("0912345675"))).expect(201).json();
        assertThat(business.admin().get("/api/v1/contacts/" + emoji.get("id").asLong()).expect(200)
                .json().get("name").asString()).isEqualTo("Anh \uD83D\uDE00");
    }

    @Test
    void instantsOutsideTheCalendarAreRefusedNamingTheField() {
        Map<String, Object> early = fixtures.fullBody("Early", "PREVIEW");
        early.put("startTime", "-999999999-01-01T00:00:00Z");
        assertRefused(business.admin().post("/api/v1/campaigns", early), "startTime");

        Map<String, Object> late = fixtures.fullBody("Late", "PREVIEW");
        late.put("endTime", "+300000-01-01T00:00:00Z");
        assertRefused(business.admin().post("/api/v1/campaigns", late), "endTime");

        Map<String, Object> fine = fixtures.fullBody("Fine", "PREVIEW");
        business.admin().post("/api/v1/campaigns", fine).expect(201);
    }

    @Test
    void searchParametersAreCheckedToo() {
        assertRefused(business.admin().get("/api/v1/contacts?name=a%00b"), "name");
        assertRefused(business.admin().get("/api/v1/contacts?name=a%ED%A0%80b"), "parameters");
        long campaignId = fixtures.create("Searched", "PREVIEW");
        assertRefused(business.admin().get("/api/v1/campaigns/" + campaignId
                + "/customers?addedFrom=%2B300000-01-01T00:00:00Z"), "addedFrom");
        business.admin().get("/api/v1/contacts?name=84912-12-25").expect(200);
        business.admin().get("/api/v1/contacts?name=" + java.net.URLEncoder.encode("Anh \uD83D\uDE00",
                java.nio.charset.StandardCharsets.UTF_8)).expect(200);
    }

    private static void assertRefused(Api.Response response, String field) {
        response.expect(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
    }
}
