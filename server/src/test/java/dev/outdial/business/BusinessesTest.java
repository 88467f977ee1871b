package dev.outdial.business;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OutdialIntegrationTest
class BusinessesTest {

    @Autowired
    Api api;
    @Autowired
    Businesses businesses;

    @Test
    void theOperatorCreatesABusinessWithItsFirstAdmin() {
        TestBusiness business = api.newBusiness("created");

        var own = business.admin().get("/api/v1/business").expect(200).json();
        assertThat(own.get("name").asString()).isEqualTo(business.name());
        assertThat(own.get("timeZone").asString()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(own.get("defaultCountry").asString()).isEqualTo("VN");
        assertThat(own.get("concurrentCallLimit").asInt()).isEqualTo(10);
        assertThat(business.admin().get("/api/v1/me").json().get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsCreated() {
        var response = api.operator().post("/api/v1/businesses", Map.of("name", "Broken",
                "timeZone", "Mars/Olympus", "defaultCountry", "XX", "concurrentCallLimit", 0,
                "admin", Map.of("email", "nope", "password", "short", "name", "")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "timeZone", "defaultCountry", "concurrentCallLimit", "admin.email", "admin.password", "admin.name");
        assertThat(api.operator().get("/api/v1/businesses").body()).doesNotContain("\"Broken\"");
    }

    @Test
    void aBusinessNeedsAFirstAdmin() {
        var response = api.operator().post("/api/v1/businesses", Map.of("name", "Headless",
                "timeZone", "UTC", "defaultCountry", "VN", "concurrentCallLimit", 3));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("admin");
    }

    @Test
    void businessNamesAreUnique() {
        TestBusiness business = api.newBusiness("unique");

        var again = api.operator().post("/api/v1/businesses", Map.of("name", business.name().toUpperCase(),
                "timeZone", "UTC", "defaultCountry", "VN", "concurrentCallLimit", 3,
                "admin", Map.of("email", "other@" + business.domain(), "password", "uncommon-passphrase", "name", "O")));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void anAdminChangesTheTimeZoneButNotTheContractLimit() {
        TestBusiness business = api.newBusiness("settings");

        var changed = business.admin().put("/api/v1/business", Map.of("timeZone", "Europe/Berlin")).expect(200).json();
        assertThat(changed.get("timeZone").asString()).isEqualTo("Europe/Berlin");

        var limit = business.admin().put("/api/v1/business", Map.of("concurrentCallLimit", 9999));
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().get("errors").get(0).get("field").asString()).isEqualTo("concurrentCallLimit");

        api.operator().put("/api/v1/businesses/" + business.id(), Map.of("concurrentCallLimit", 25)).expect(200);
        assertThat(business.admin().get("/api/v1/business").json().get("concurrentCallLimit").asInt()).isEqualTo(25);
    }

    @Test
    void theZonesABusinessHadAreKeptWithWhenEachWasChosenForTheAudit() {
        TestBusiness business = api.newBusiness("zones");
        Instant created = businesses.get(business.id()).createdAt();

        business.admin().put("/api/v1/business", Map.of("name", business.name() + " renamed")).expect(200);
        assertThat(businesses.timeZoneHistory(business.id())).as("a change of name is no change of zone")
                .containsExactly(new TimeZoneVersion(created, ZoneId.of("Asia/Ho_Chi_Minh")));

        business.admin().put("/api/v1/business", Map.of("timeZone", "Asia/Kolkata")).expect(200);
        List<TimeZoneVersion> history = businesses.timeZoneHistory(business.id());
        assertThat(history).extracting(TimeZoneVersion::zone)
                .containsExactly(ZoneId.of("Asia/Ho_Chi_Minh"), ZoneId.of("Asia/Kolkata"));
        assertThat(history.get(1).inForceFrom()).isAfterOrEqualTo(created);
    }

    @Test
    void metricsAreForTheOperatorAndAdminsSeeTheirBusinessHealthForAll() {
        TestBusiness business = api.newBusiness("metrics");

        assertThat(api.anonymous().get("/actuator/health").expect(200).body()).contains("UP");
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(business.agent("counter").client().get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(business.admin().withHeader("Accept", "text/plain").get("/actuator/prometheus").status())
                .as("every business's series: the operator's only").isEqualTo(403);
        assertThat(business.admin().withHeader("Accept", "text/plain").get("/api/v1/metrics").status()).isEqualTo(200);
        assertThat(business.agent("counter2").client().withHeader("Accept", "text/plain").get("/api/v1/metrics").status())
                .isEqualTo(403);
        assertThat(api.operator().withHeader("Accept", "text/plain").get("/actuator/prometheus").expect(200).body())
                .contains("jvm_");
    }
}
