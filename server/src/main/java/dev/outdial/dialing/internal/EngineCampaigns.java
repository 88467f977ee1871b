package dev.outdial.dialing.internal;

import dev.outdial.business.Business;
import dev.outdial.business.Businesses;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.HotlinePool;
import dev.outdial.campaign.HotlineRotation;
import dev.outdial.campaign.settings.CallClassification;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.campaign.settings.Hotlines;
import dev.outdial.campaign.settings.WeeklyHours;
import dev.outdial.campaign.settings.WorkingHoursSchedules;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.engine.call.AnsweringMachines;
import dev.outdial.engine.call.AutocallSettings;
import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.rules.CalledPartyZones;
import dev.outdial.engine.rules.CallingWindow;
import dev.outdial.engine.rules.DailyQuota;
import dev.outdial.engine.rules.TimeRange;
import dev.outdial.engine.rules.WeeklySchedule;
import dev.outdial.ivr.Ivrs;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A campaign as the engine runs it: its stored settings read into the engine's {@code CampaignSettings}. */
@Component
class EngineCampaigns {

    static final CalledPartyZones CALLED_PARTY_ZONES = new CalledPartyZones();

    private final Campaigns campaigns;
    private final Businesses businesses;
    private final Hotlines hotlines;
    private final WorkingHoursSchedules workingHours;
    private final DialingProperties properties;
    private final Ivrs ivrs;
    private final CallClassifications classifications;
    private final Random seeds = new Random();

    EngineCampaigns(Campaigns campaigns, Businesses businesses, Hotlines hotlines, WorkingHoursSchedules workingHours,
                    DialingProperties properties, Ivrs ivrs, CallClassifications classifications) {
        this.campaigns = campaigns;
        this.businesses = businesses;
        this.hotlines = hotlines;
        this.workingHours = workingHours;
        this.properties = properties;
        this.ivrs = ivrs;
        this.classifications = classifications;
    }

    @Transactional(readOnly = true)
    public CampaignSettings settingsOf(long businessId, long campaignId) {
        Campaign campaign = campaigns.get(businessId, campaignId);
        return settingsOf(businesses.get(businessId), campaign);
    }

    /** The campaign as this node runs it, its settings and its business read once. */
    @Transactional(readOnly = true)
    LiveCampaign live(long businessId, long campaignId) {
        Campaign campaign = campaigns.get(businessId, campaignId);
        Business business = businesses.get(businessId);
        CampaignDefinition s = campaign.settings();
        return new LiveCampaign(settingsOf(business, campaign), Boolean.TRUE.equals(s.autoAssignAccountManager()),
                Boolean.TRUE.equals(s.ticketPerCall()),
                campaign.dialMode() == DialType.AUTOCALL && Boolean.TRUE.equals(s.ticketOnAgentOrVoicemail()),
                business.concurrentCallLimit());
    }

    private CampaignSettings settingsOf(Business business, Campaign campaign) {
        long businessId = business.id();
        long campaignId = campaign.id();
        CampaignDefinition s = campaign.settings();
        ZoneId zone = business.timeZone();
        CallingWindow window = new CallingWindow(s.startTime().toInstant(), Optional.of(s.endTime().toInstant()),
                schedule(businessId, s.workingHoursId(), zone), Optional.empty(), CALLED_PARTY_ZONES);
        List<String> numbers = HotlinePool.of(s).numbers(hotlines.list(businessId));
        CampaignSettings engine = new CampaignSettings(campaignId, businessId, CampaignCustomers.rulesOf(campaign),
                window, numbers, properties.noAnswerTimeout(),
                seconds(s.agentAnswerTimeoutSeconds(), CampaignSettings.DEFAULT_AGENT_ANSWER_TIMEOUT),
                seconds(s.wrapUpSeconds(), Duration.ZERO), seconds(s.previewSeconds(), Duration.ZERO),
                quota(s, zone), s.maxConcurrentCalls() == null ? OptionalInt.empty() : OptionalInt.of(s.maxConcurrentCalls()),
                properties.lease())
                .withAnsweringMachines(answeringMachines(s))
                .withCallsRecorded(Boolean.TRUE.equals(s.recordCalls()));
        return switch (campaign.dialMode()) {
            case PREDICTIVE -> engine.withPredictive(predictive(s));
            case AUTOCALL -> engine.withAutocall(autocall(business, s));
            default -> engine;
        };
    }

    /** Whether the campaign tells answering machines apart, and the message it leaves on them; saved consistent. */
    private static AnsweringMachines answeringMachines(CampaignDefinition s) {
        if (!Boolean.TRUE.equals(s.answeringMachineDetection())) {
            return AnsweringMachines.NOT_TOLD;
        }
        return s.voicemailMessageId() == null ? AnsweringMachines.hungUpOn()
                : AnsweringMachines.leftAMessage(music(s.voicemailMessageId()));
    }

    /** A predictive campaign's abandon limit, maximum wait and waiting music; defaults were filled on save. */
    private static CampaignSettings.Predictive predictive(CampaignDefinition s) {
        return new CampaignSettings.Predictive(s.maxAbandonRate(),
                Duration.ofSeconds(s.maxWaitSeconds()), Optional.ofNullable(s.waitingMusicId()).map(EngineCampaigns::music));
    }

    /** The audio file as the telephony fetches it: the simulated carrier only notes it, a SIP adapter streams it. */
    static Telephony.Prompt music(long audioId) {
        return new Telephony.Prompt.AudioFile("/api/v1/audio/" + audioId + "/content");
    }

    /** The IVR, its results named by classification id as the call records keep them, and the rotation. */
    private AutocallSettings autocall(Business business, CampaignDefinition s) {
        Map<String, String> idByCode = classifications.list(business.id()).stream()
                .collect(Collectors.toMap(CallClassification::code, c -> String.valueOf(c.id()), (a, b) -> a));
        var tree = ivrs.get(business.id(), s.ivrId()).tree().withResults(code -> idByCode.getOrDefault(code, code));
        AutocallSettings.Rotation rotation = s.hotlineRotation() == null || s.hotlineRotation() == HotlineRotation.SINGLE
                ? AutocallSettings.Rotation.SINGLE : AutocallSettings.Rotation.RANDOM;
        String language = "VN".equalsIgnoreCase(business.defaultCountry()) ? "vi-VN" : "en";
        return new AutocallSettings(tree, rotation, properties.hotlineSkip(), properties.agentWait(), language,
                seeds.nextLong());
    }

    private WeeklySchedule schedule(long businessId, Long workingHoursId, ZoneId zone) {
        return workingHoursOf(workingHoursId == null ? null : workingHours.get(businessId, workingHoursId).hours(), zone);
    }

    /**
     * "A campaign dials only inside its working hours", read in the business's zone: {@code hours} as
     * typed, or for a campaign without a schedule (null) none to keep, open all week.
     */
    static WeeklySchedule workingHoursOf(WeeklyHours hours, ZoneId zone) {
        if (hours != null) {
            return scheduleOf(hours, zone);
        }
        WeeklySchedule.Builder builder = WeeklySchedule.in(zone);
        for (DayOfWeek day : DayOfWeek.values()) {
            builder.open(day, new TimeRange(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        }
        return builder.build();
    }

    /** A schedule as typed, read in the business's zone: the dialer's and the audit's one reading of it. */
    static WeeklySchedule scheduleOf(WeeklyHours hours, ZoneId zone) {
        WeeklySchedule.Builder builder = WeeklySchedule.in(zone);
        hours.days().forEach((day, ranges) -> ranges.forEach(range ->
                builder.open(day, new TimeRange(timeOf(range.from()), timeOf(range.to())))));
        hours.holidays().forEach(builder::holiday);
        return builder.build();
    }

    private static LocalTime timeOf(int minuteOfDay) {
        return minuteOfDay >= 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
    }

    private static DailyQuota quota(CampaignDefinition s, ZoneId zone) {
        DailyQuota quota = s.dailyQuota() == null ? DailyQuota.unlimited(zone) : DailyQuota.sameForAll(zone, s.dailyQuota());
        for (Map.Entry<Long, Integer> own : (s.agentQuotas() == null ? Map.<Long, Integer>of() : s.agentQuotas()).entrySet()) {
            quota = quota.withAgentQuota(AgentId.of(String.valueOf(own.getKey())), own.getValue());
        }
        return quota;
    }

    private static Duration seconds(Integer seconds, Duration otherwise) {
        return seconds == null ? otherwise : Duration.ofSeconds(seconds);
    }

    /** The business's contract limit on concurrent calls. */
    int concurrentCallLimit(long businessId) {
        return businesses.get(businessId).concurrentCallLimit();
    }
}
