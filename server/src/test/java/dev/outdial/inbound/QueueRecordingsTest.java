package dev.outdial.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.call.CallRecordings;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import dev.outdial.testing.TestRecordings;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * A queue records the calls its agents take where the admin asks it to: its recordings are listed by queue (found as a
 * campaign's are), played and deleted through the call's recording, and kept no longer than the queue says.
 */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class QueueRecordingsTest {

    private static final byte[] WAV = {'R', 'I', 'F', 'F', 1, 2, 3, 4};

    @Autowired
    Api api;
    @Autowired
    JdbcClient db;
    @Autowired
    CallRecordings recordings;
    @Autowired
    MockMvc mvc;

    TestBusiness business;
    TestBusiness.Person alice;
    TestBusiness.Person bob;

    @BeforeEach
    void aBusinessWithTwoAgents() {
        business = api.newBusiness("queue-recordings");
        alice = business.agent("alice");
        bob = business.agent("bob");
    }

    private Map<String, Object> queue(Object recordCalls, Object retentionDays) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Support", "callbackKey", "1",
                "minSecondsBeforeCallback", 0, "maxWaitSeconds", 60));
        body.put("recordCalls", recordCalls);
        body.put("recordingRetentionDays", retentionDays);
        return body;
    }

    private String recorded(long queue, String caller, TestBusiness.Person agent, String at) {
        String call = TestRecordings.takenQueueCall(db, business.id(), queue, caller, agent.id(),
                OffsetDateTime.parse(at));
        TestRecordings.keep(recordings, call, WAV, Duration.ofSeconds(30));
        db.sql("update inbound_call_recording set recorded_at = :at where call_id = :call")
                .param("at", OffsetDateTime.parse(at).plusSeconds(30)).param("call", call).update();
        return call;
    }

    private List<String> callIds(String path) {
        return business.admin().get(path).expect(200).json().valueStream().map(r -> r.get("callId").asString())
                .toList();
    }

    @Test
    void aQueueKeepsWhetherItRecordsAndHowLongAndRefusesAnotherRetention() {
        JsonNode plain = business.admin().post("/api/v1/queues", queue(null, null)).expect(201).json();
        assertThat(plain.get("recordCalls").asBoolean()).isFalse();
        assertThat(plain.get("recordingRetentionDays").isNull()).isTrue();

        Map<String, Object> recording = queue(true, 90);
        recording.put("name", "Sales");
        JsonNode saved = business.admin().post("/api/v1/queues", recording).expect(201).json();
        assertThat(saved.get("recordCalls").asBoolean()).isTrue();
        assertThat(saved.get("recordingRetentionDays").asInt()).isEqualTo(90);
        assertThat(business.admin().get("/api/v1/queues/" + saved.get("id").asLong()).expect(200).json()
                .get("recordingRetentionDays").asInt()).isEqualTo(90);

        for (int days : new int[] {0, 3_651}) {
            Map<String, Object> wrong = queue(true, days);
            wrong.put("name", "Wrong " + days);
            var answer = business.admin().post("/api/v1/queues", wrong);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("errors").findValuesAsString("field"))
                    .containsExactly("recordingRetentionDays");
        }
    }

    @Test
    void aQueuesRecordingsAreListedFoundPlayedAndDeletedAsACampaignsAre() {
        long queue = business.admin().post("/api/v1/queues", queue(true, null)).expect(201).id();
        String first = recorded(queue, "+84912600001", alice, "2026-03-01T09:00:00+07:00");
        String second = recorded(queue, "+84912600002", bob, "2026-03-02T09:00:00+07:00");
        String third = recorded(queue, "+84912600001", bob, "2026-03-02T10:00:00+07:00");
        String path = "/api/v1/queues/" + queue + "/recordings";

        assertThat(callIds(path)).containsExactly(third, second, first);
        assertThat(callIds(path + "?agentId=" + bob.id())).containsExactly(third, second);
        assertThat(callIds(path + "?number=0912600001")).containsExactly(third, first);
        assertThat(callIds(path + "?from=2026-03-02")).containsExactly(third, second);
        assertThat(callIds(path + "?limit=1&before=" + third)).containsExactly(second);
        JsonNode newest = business.admin().get(path + "?limit=1").json().get(0);
        assertThat(newest.get("callerNumber").asString()).isEqualTo("+84912600001");
        assertThat(newest.get("agentName").asString()).startsWith("bob");
        assertThat(newest.get("queueId").asLong()).isEqualTo(queue);
        assertThat(business.admin().get(path + "?from=yesterday").json().get("errors").findValuesAsString("field"))
                .containsExactly("from");

        assertThat(business.admin().download("/api/v1/calls/" + second + "/recording").body()).isEqualTo(WAV);
        assertThat(alice.client().get(path).status()).isEqualTo(403);
        assertThat(alice.client().get("/api/v1/calls/" + second + "/recording").status()).isEqualTo(403);
        TestBusiness other = api.newBusiness("queue-recordings-other");
        assertThat(other.admin().get(path).status()).isEqualTo(404);
        assertThat(other.admin().get("/api/v1/calls/" + second + "/recording").status()).isEqualTo(404);
        assertThat(other.admin().delete("/api/v1/calls/" + second + "/recording").status()).isEqualTo(404);

        business.admin().delete("/api/v1/calls/" + second + "/recording").expect(204);
        assertThat(business.admin().get("/api/v1/calls/" + second + "/recording").status()).isEqualTo(404);
        assertThat(callIds(path)).containsExactly(third, first);
    }

    @Test
    void theQueueFormKeepsWhetherTheQueueRecordsAndAnEmptyRetentionAsNone() throws Exception {
        mvc.perform(post("/settings/queues").session(admin()).with(csrf()).param("name", "Recorded line")
                        .param("callbackKey", "1").param("minSecondsBeforeCallback", "0").param("maxWaitSeconds", "60")
                        .param("recordCalls", "true").param("recordingRetentionDays", "").param("numbers", ""))
                .andExpect(status().is3xxRedirection());

        JsonNode saved = business.admin().get("/api/v1/queues").expect(200).json().get(0);
        assertThat(saved.get("recordCalls").asBoolean()).isTrue();
        assertThat(saved.get("recordingRetentionDays").isNull()).isTrue();
    }

    private MockHttpSession admin() throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user("admin@" + business.domain())
                .password("admin-password")).andReturn().getRequest().getSession(false);
    }

    @Test
    void theQueuesCallsPagePlaysEachRecordedCall() throws Exception {
        long queue = business.admin().post("/api/v1/queues", queue(true, 30)).expect(201).id();
        String call = recorded(queue, "+84912600003", alice, "2026-03-02T09:00:00+07:00");
        String unrecorded = TestRecordings.takenQueueCall(db, business.id(), queue, "+84912600004", alice.id(),
                OffsetDateTime.parse("2026-03-02T10:00:00+07:00"));

        String page = mvc.perform(get("/settings/queues").param("calls", String.valueOf(queue)).session(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("src=\"/calls/" + call + "/recording\"", "data-call=\"" + unrecorded + "\"",
                "30 days");
        assertThat(page.split("<audio", -1)).as("the unrecorded call has no player").hasSize(2);
        assertThat(page).as("the simulated carrier's calls have no audio to listen in on").doesNotContain("/listen");
        assertThat(page).contains("hx-post=\"/calls/" + call + "/recording/delete\"",
                "Delete this recording of the call from +84912600003?")
                .doesNotContain("/calls/" + unrecorded + "/recording");

        mvc.perform(post("/calls/" + call + "/recording/delete").session(admin()).with(csrf()))
                .andExpect(status().isOk());
        business.admin().get("/api/v1/calls/" + call + "/recording").expect(404);
        String after = mvc.perform(get("/settings/queues").param("calls", String.valueOf(queue)).session(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("data-call=\"" + call + "\"").doesNotContain("<audio");
    }
}
