package dev.outdial.campaign.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@OutdialIntegrationTest
class WorkingHoursTest {

    static final Map<String, Object> OFFICE = Map.of("name", "Office hours",
            "week", Map.of("MONDAY", List.of(List.of("08:00", "12:00"), List.of("13:00", "17:30")),
                    "SATURDAY", List.of(List.of("08:00", "12:00"))),
            "holidays", List.of("2026-04-30", "2026-05-01"));

    @Autowired
    Api api;

    @Autowired
    WorkingHoursSchedules schedules;

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("hours");
    }

    @Test
    void anAdminCreatesASchedulePerDayWithHolidays() {
        JsonNode created = business.admin().post("/api/v1/working-hours", OFFICE).expect(201).json();

        assertThat(created.get("name").asString()).isEqualTo("Office hours");
        assertThat(created.get("week").get("MONDAY").get(1).get(1).asString()).isEqualTo("17:30");
        assertThat(created.get("week").has("SUNDAY")).as("a closed day is absent").isFalse();
        assertThat(created.get("holidays").get(0).asString()).isEqualTo("2026-04-30");
        assertThat(business.admin().get("/api/v1/working-hours/" + created.get("id").asLong()).json()).isEqualTo(created);
    }

    @Test
    void theStoredScheduleTellsWhetherItIsOpen() {
        long id = business.admin().post("/api/v1/working-hours", OFFICE).expect(201).id();

        WeeklyHours hours = schedules.get(business.id(), id).hours();
        assertThat(hours.isOpen(Instant.parse("2026-03-02T02:00:00Z"), WeeklyHoursTest.SAIGON)).isTrue();
        assertThat(schedules.exists(business.id(), id)).isTrue();
        assertThat(schedules.exists(business.id(), 987654321L)).isFalse();
    }

    @Test
    void aRangeThatOverlapsAnotherIsRejectedNamingTheDay() {
        Api.Response response = business.admin().post("/api/v1/working-hours", Map.of("name", "Clash",
                "week", Map.of("TUESDAY", List.of(List.of("08:00", "12:00"), List.of("11:00", "13:00")))));

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("week.TUESDAY");
        assertThat(error.get("message").asString()).contains("08:00–12:00", "11:00–13:00");
    }

    @Test
    void anOvernightRangeIsRejectedAndA2400EndIsAccepted() {
        Api.Response overnight = business.admin().post("/api/v1/working-hours", Map.of("name", "Night",
                "week", Map.of("FRIDAY", List.of(List.of("22:00", "06:00")))));
        assertThat(overnight.status()).isEqualTo(400);
        assertThat(overnight.json().get("errors").get(0).get("message").asString()).contains("24:00");

        business.admin().post("/api/v1/working-hours", Map.of("name", "Night",
                "week", Map.of("FRIDAY", List.of(List.of("22:00", "24:00")), "SATURDAY", List.of(List.of("00:00", "06:00")))))
                .expect(201);
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        Api.Response response = business.admin().post("/api/v1/working-hours", Map.of("name", "",
                "week", Map.of("MONDAY", List.of(List.of("9", "12:00")), "SUNDAY", List.of(List.of("13:00", "12:00"))),
                "holidays", List.of("tomorrow")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "week.MONDAY", "week.SUNDAY", "holidays");
    }

    @Test
    void aScheduleNeedsAtLeastOneRange() {
        Api.Response response = business.admin().post("/api/v1/working-hours", Map.of("name", "Never"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("week");
    }

    @Test
    void anUnknownDayIsNamedAsTheWeek() {
        Api.Response response = business.admin().post("/api/v1/working-hours", Map.of("name", "Odd",
                "week", Map.of("FUNDAY", List.of(List.of("08:00", "12:00")))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).startsWith("week");
    }

    @Test
    void theReasonIsSaidInVietnameseWhenAsked() {
        Api.Response response = business.admin().withHeader("Accept-Language", "vi").post("/api/v1/working-hours",
                Map.of("name", "Trùng", "week", Map.of("MONDAY", List.of(List.of("08:00", "12:00"), List.of("11:00", "13:00")))));

        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("chồng lên nhau");
    }

    @Test
    void namesAreUniqueInTheBusinessWhateverTheCase() {
        business.admin().post("/api/v1/working-hours", OFFICE).expect(201);

        Api.Response again = business.admin().post("/api/v1/working-hours", Map.of("name", "OFFICE HOURS",
                "week", Map.of("MONDAY", List.of(List.of("08:00", "12:00")))));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aChangeReplacesTheWholeSchedule() {
        long id = business.admin().post("/api/v1/working-hours", OFFICE).expect(201).id();

        JsonNode changed = business.admin().put("/api/v1/working-hours/" + id, Map.of("name", "Mornings",
                "week", Map.of("SUNDAY", List.of(List.of("08:00", "12:00"))))).expect(200).json();

        assertThat(changed.get("name").asString()).isEqualTo("Mornings");
        assertThat(changed.get("week").propertyNames()).containsExactly("SUNDAY");
        assertThat(changed.get("holidays").isEmpty()).isTrue();
    }

    @Test
    void anotherBusinessesScheduleIsNotFound() {
        long id = business.admin().post("/api/v1/working-hours", OFFICE).expect(201).id();
        TestBusiness other = api.newBusiness("hours-intruder");
        String path = "/api/v1/working-hours/" + id;

        assertThat(other.admin().get(path).status()).isEqualTo(404);
        assertThat(other.admin().put(path, OFFICE).status()).isEqualTo(404);
        assertThat(other.admin().delete(path).status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/working-hours").json().isEmpty()).isTrue();
        assertThat(schedules.exists(other.id(), id)).isFalse();
    }

    @Test
    void supervisorsMayReadSchedulesAndAgentsMayNot() {
        long id = business.admin().post("/api/v1/working-hours", OFFICE).expect(201).id();
        Api.Client supervisor = business.person("SUPERVISOR", "sup").client();
        Api.Client agent = business.agent("agent").client();

        supervisor.get("/api/v1/working-hours/" + id).expect(200);
        assertThat(supervisor.put("/api/v1/working-hours/" + id, OFFICE).status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/working-hours").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/working-hours/" + id).status()).isEqualTo(403);
    }

    @Test
    void aScheduleNoCampaignUsesIsDeleted() {
        long id = business.admin().post("/api/v1/working-hours", OFFICE).expect(201).id();

        business.admin().delete("/api/v1/working-hours/" + id).expect(204);

        assertThat(business.admin().get("/api/v1/working-hours/" + id).status()).isEqualTo(404);
    }
}
