package dev.outdial.call.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.call.CallRecordings;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.TestRecordings;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A campaign's recordings are deleted once older than it keeps them, those made before a shorter retention too. */
@OutdialIntegrationTest
class RecordingsPurgeTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient db;
    @Autowired
    CallRecordings recordings;
    @Autowired
    RecordingsPurge purge;

    @Test
    void recordingsOlderThanTheirCampaignKeepsThemAreDeletedAndNoOthers() {
        TestBusiness business = api.newBusiness("recordings-purge");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        long keepingThirtyDays = campaign(fixtures, "Thirty days", 30);
        long keepingForever = campaign(fixtures, "Forever", null);
        String old = recorded(business, keepingThirtyDays, 40);
        String recent = recorded(business, keepingThirtyDays, 20);
        String oldButKept = recorded(business, keepingForever, 400);

        purge.purge();

        assertThat(recordedCalls(business)).containsExactlyInAnyOrder(recent, oldButKept).doesNotContain(old);

        Map<String, Object> shorter = fixtures.editable(keepingThirtyDays);
        shorter.put("recordingRetentionDays", 10);
        business.admin().put("/api/v1/campaigns/" + keepingThirtyDays, shorter).expect(200);
        purge.purge();

        assertThat(recordedCalls(business)).containsExactly(oldButKept);
    }

    @Test
    void aQueuesRecordingsOlderThanItKeepsThemAreDeletedAndNoOthers() {
        TestBusiness business = api.newBusiness("queue-recordings-purge");
        long agent = business.agent("taker").id();
        long keepingThirtyDays = queue(business, "Thirty days", 30);
        long keepingForever = queue(business, "Forever", null);
        String old = queueCallRecorded(business, keepingThirtyDays, agent, 40);
        String recent = queueCallRecorded(business, keepingThirtyDays, agent, 20);
        String oldButKept = queueCallRecorded(business, keepingForever, agent, 400);

        purge.purge();

        assertThat(db.sql("select call_id from inbound_call_recording where business_id = :business")
                .param("business", business.id()).query(String.class).list())
                .containsExactlyInAnyOrder(recent, oldButKept).doesNotContain(old);
    }

    private static long queue(TestBusiness business, String name, Integer days) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "callbackKey", "1",
                "minSecondsBeforeCallback", 0, "maxWaitSeconds", 60, "recordCalls", true));
        body.put("recordingRetentionDays", days);
        return business.admin().post("/api/v1/queues", body).expect(201).id();
    }

    /** A call of the queue the agent took {@code daysAgo}, and its recording made then. */
    private String queueCallRecorded(TestBusiness business, long queue, long agent, int daysAgo) {
        OffsetDateTime then = OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo);
        String id = TestRecordings.takenQueueCall(db, business.id(), queue, "+84912600009", agent, then);
        TestRecordings.keep(recordings, id, new byte[] {'R', 'I', 'F', 'F'}, Duration.ofSeconds(30));
        db.sql("update inbound_call_recording set recorded_at = :then where call_id = :id").param("then", then)
                .param("id", id).update();
        return id;
    }

    @Test
    void aRunningCampaignsRetentionChangesWithoutANewApproval() {
        TestBusiness business = api.newBusiness("recordings-running");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        long running = campaign(fixtures, "Running", 30);
        business.admin().post("/api/v1/campaigns/" + running + "/approve").expect(200);
        business.admin().post("/api/v1/campaigns/" + running + "/start").expect(200);

        Map<String, Object> changed = fixtures.editable(running);
        changed.put("recordingRetentionDays", 7);
        var saved = business.admin().put("/api/v1/campaigns/" + running, changed).expect(200).json();

        assertThat(saved.get("recordingRetentionDays").asInt()).isEqualTo(7);
        assertThat(saved.get("status").asString()).isEqualTo("RUNNING");
    }

    @Test
    void aRetentionOutsideOneDayToTenYearsIsRejected() {
        CampaignFixtures fixtures = new CampaignFixtures(api.newBusiness("recordings-retention"));
        for (int days : new int[] {0, 3_651}) {
            var answer = fixtures.business().admin().post("/api/v1/campaigns",
                    with(fixtures.fullBody("Retention " + days, "MANUAL"), days));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("errors").findValuesAsString("field")).contains("recordingRetentionDays");
        }
    }

    private static Map<String, Object> with(Map<String, Object> body, Integer days) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put("recordCalls", true);
        changed.put("recordingRetentionDays", days);
        return changed;
    }

    private static long campaign(CampaignFixtures fixtures, String name, Integer days) {
        return fixtures.business().admin().post("/api/v1/campaigns", with(fixtures.fullBody(name, "MANUAL"), days))
                .expect(201).id();
    }

    /** A call of the campaign, answered {@code daysAgo}, and its recording made then. */
    private String recorded(TestBusiness business, long campaign, int daysAgo) {
        OffsetDateTime then = OffsetDateTime.now(ZoneOffset.UTC).minusDays(daysAgo);
        String id = TestRecordings.answeredCall(db, business.id(), campaign, then);
        TestRecordings.keep(recordings, id, new byte[] {'R', 'I', 'F', 'F'}, Duration.ofSeconds(30));
        db.sql("update call_recording set recorded_at = :then where call_id = :id").param("then", then)
                .param("id", id).update();
        return id;
    }

    private List<String> recordedCalls(TestBusiness business) {
        return db.sql("select call_id from call_recording where business_id = :business")
                .param("business", business.id()).query(String.class).list();
    }
}
