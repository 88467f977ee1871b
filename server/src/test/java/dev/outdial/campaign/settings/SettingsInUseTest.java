package dev.outdial.campaign.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** A settings object a campaign still needs cannot be deleted: the campaign would dial wrongly or not at all. */
@OutdialIntegrationTest
@Import(SettingsInUseTest.Campaigns.class)
class SettingsInUseTest {

    /** Stands in for the campaigns: says in use whatever a test marks. */
    @TestConfiguration
    static class Campaigns {

        @Bean
        MarkedInUse markedInUse() {
            return new MarkedInUse();
        }
    }

    static class MarkedInUse implements SettingUsage {

        private final Set<String> marked = ConcurrentHashMap.newKeySet();

        void mark(long businessId, SettingKind kind, long id) {
            marked.add(businessId + "/" + kind + "/" + id);
        }

        @Override
        public boolean inUse(long businessId, SettingKind kind, long id) {
            return marked.contains(businessId + "/" + kind + "/" + id);
        }
    }

    @Autowired
    Api api;

    @Autowired
    MarkedInUse campaigns;

    @Autowired
    CallClassifications classifications;

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("in-use");
    }

    @Test
    void aHotlineARunningCampaignUsesIsNotDeleted() {
        long used = business.admin().post("/api/v1/hotlines", Map.of("number", "028 7300 0001", "name", "Used"))
                .expect(201).id();
        long free = business.admin().post("/api/v1/hotlines", Map.of("number", "028 7300 0002", "name", "Free"))
                .expect(201).id();
        campaigns.mark(business.id(), SettingKind.HOTLINE, used);

        assertRefusedButOthersGo("/api/v1/hotlines/", used, free);
    }

    @Test
    void workingHoursACampaignUsesAreNotDeleted() {
        Map<String, Object> week = Map.of("MONDAY", List.of(List.of("08:00", "12:00")));
        long used = business.admin().post("/api/v1/working-hours", Map.of("name", "Used", "week", week)).expect(201).id();
        long free = business.admin().post("/api/v1/working-hours", Map.of("name", "Free", "week", week)).expect(201).id();
        campaigns.mark(business.id(), SettingKind.WORKING_HOURS, used);

        assertRefusedButOthersGo("/api/v1/working-hours/", used, free);
    }

    @Test
    void aScriptACampaignUsesIsNotDeleted() {
        List<Map<String, Object>> questions = List.of(Map.of("text", "Notes", "type", "TEXT"));
        long used = business.admin().post("/api/v1/scripts", Map.of("name", "Used", "questions", questions)).expect(201).id();
        long free = business.admin().post("/api/v1/scripts", Map.of("name", "Free", "questions", questions)).expect(201).id();
        campaigns.mark(business.id(), SettingKind.SCRIPT, used);

        assertRefusedButOthersGo("/api/v1/scripts/", used, free);
    }

    @Test
    void aClassificationACampaignUsesIsNotDeleted() {
        long used = business.admin().post("/api/v1/call-classifications", Map.of("name", "Used", "reached", true))
                .expect(201).id();
        long free = business.admin().post("/api/v1/call-classifications", Map.of("name", "Free", "reached", true))
                .expect(201).id();
        campaigns.mark(business.id(), SettingKind.CLASSIFICATION, used);

        assertRefusedButOthersGo("/api/v1/call-classifications/", used, free);
    }

    @Test
    void theSameIdInUseInAnotherBusinessDoesNotBlockDeletion() {
        long id = business.admin().post("/api/v1/call-classifications", Map.of("name", "Mine", "reached", true))
                .expect(201).id();
        campaigns.mark(business.id() + 1_000_000, SettingKind.CLASSIFICATION, id);
        campaigns.mark(business.id(), SettingKind.SCRIPT, id);

        business.admin().delete("/api/v1/call-classifications/" + id).expect(204);
    }

    private void assertRefusedButOthersGo(String path, long used, long free) {
        Api.Response refused = business.admin().delete(path + used);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("cannot be deleted");
        business.admin().get(path + used).expect(200);

        business.admin().delete(path + free).expect(204);
    }
}
