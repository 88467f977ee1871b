package dev.outdial.testing;

import dev.outdial.media.AudioSamples;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a campaign needs in a test business: a hotline, working hours, an IVR, agents. Builds campaign
 * bodies per dial type with every setting of that type given, as an admin would send them.
 */
public final class CampaignFixtures {

    private static final AtomicInteger NUMBERS = new AtomicInteger(1000);

    private final TestBusiness business;
    public final long hotlineId;
    public final long workingHoursId;
    public final long ivrId;
    public final TestBusiness.Person agent;
    public final TestBusiness.Person secondAgent;
    private Long waitingMusicId;

    public CampaignFixtures(TestBusiness business) {
        this.business = business;
        this.hotlineId = business.admin().post("/api/v1/hotlines", Map.of(
                "number", "+84 28 7300 " + NUMBERS.incrementAndGet(), "name", "Main line", "group", "Main"))
                .expect(201).id();
        Map<String, Object> week = new HashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            week.put(day, List.of(List.of("08:00", "12:00"), List.of("13:00", "17:30")));
        }
        this.workingHoursId = business.admin().post("/api/v1/working-hours",
                Map.of("name", "Office hours", "week", week, "holidays", List.of())).expect(201).id();
        this.ivrId = business.admin().post("/api/v1/ivrs", Map.of("name", "Payment reminder", "root", "n1",
                "nodes", List.of(Map.of("id", "n1", "type", "PLAY", "prompt", "Your payment is due on Friday."))))
                .expect(201).id();
        this.agent = business.agent("caller-one");
        this.secondAgent = business.agent("caller-two");
    }

    public TestBusiness business() {
        return business;
    }

    /** The campaign as the API reads it, without what only the server writes: a body its PUT takes back. */
    public Map<String, Object> editable(long campaignId) {
        Map<String, Object> body = Api.mutable(business.admin().get("/api/v1/campaigns/" + campaignId).expect(200)
                .json());
        List.of("id", "status", "statusReason", "createdAt", "updatedAt").forEach(body::remove);
        return body;
    }

    public static OffsetDateTime inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(days).truncatedTo(ChronoUnit.MINUTES);
    }

    /** A body with the settings common to all dial types; callers add the type's own. */
    public Map<String, Object> common(String name, String dialMode) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("description", "A " + dialMode.toLowerCase() + " campaign");
        body.put("dialMode", dialMode);
        body.put("startTime", inDays(1).toString());
        body.put("endTime", inDays(30).toString());
        body.put("hotlineIds", List.of(hotlineId));
        body.put("workingHoursId", workingHoursId);
        body.put("maxCallsPerCustomer", 4);
        body.put("retryGapMinutes", 45);
        body.put("noCallbackDays", 14);
        body.put("agentIds", List.of(agent.id(), secondAgent.id()));
        body.put("agentGroupIds", List.of());
        body.put("ticketPerCall", true);
        return body;
    }

    /** Every setting the dial type takes, each given a value other than its default. */
    public Map<String, Object> fullBody(String name, String dialMode) {
        Map<String, Object> body = common(name, dialMode);
        switch (dialMode) {
            case "MANUAL" -> withAgentSettings(body);
            case "PREVIEW" -> {
                withAgentSettings(body);
                body.put("wrapUpSeconds", 20);
                body.put("previewSeconds", 25);
            }
            case "PROGRESSIVE" -> {
                withAgentSettings(body);
                body.put("wrapUpSeconds", 20);
                body.put("answeringMachineDetection", true);
            }
            case "PREDICTIVE" -> {
                withAgentSettings(body);
                body.put("wrapUpSeconds", 20);
                body.put("maxAbandonRate", 0.025);
                body.put("waitingMusicId", waitingMusicId());
                body.put("maxWaitSeconds", 8);
                body.put("agentAnswerTimeoutSeconds", 25);
                body.put("maxConcurrentCalls", 40);
                body.put("answeringMachineDetection", true);
            }
            case "AUTOCALL" -> {
                body.put("maxConcurrentCalls", 5);
                body.put("hotlineRotation", "SINGLE");
                body.put("ivrId", ivrId);
                body.put("ticketOnAgentOrVoicemail", true);
                body.put("answeringMachineDetection", true);
            }
            case "AUTO_CALLBACK" -> {
                body.put("wrapUpSeconds", 20);
                body.put("agentAnswerTimeoutSeconds", 25);
            }
            default -> throw new IllegalArgumentException(dialMode);
        }
        return body;
    }

    /** An audio file of the business to play while predictive customers wait; uploaded once, when first needed. */
    public long waitingMusicId() {
        if (waitingMusicId == null) {
            waitingMusicId = business.admin().upload("/api/v1/audio?name=Hold%20music", "hold.wav", AudioSamples.wav(500))
                    .expect(201).id();
        }
        return waitingMusicId;
    }

    private void withAgentSettings(Map<String, Object> body) {
        body.put("dailyQuota", 80);
        body.put("agentQuotas", Map.of(String.valueOf(agent.id()), 50));
        body.put("autoAssignAccountManager", true);
    }

    /** Creates a campaign of the type with every setting given and returns its id. */
    public long create(String name, String dialMode) {
        return business.admin().post("/api/v1/campaigns", fullBody(name, dialMode)).expect(201).id();
    }
}
