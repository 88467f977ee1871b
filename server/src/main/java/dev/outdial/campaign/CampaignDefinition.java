package dev.outdial.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outdial.engine.customer.DialType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A campaign as an admin defines it: every setting (SPEC §4.1), as typed and as stored; the engine
 * runs it as its own {@code CampaignSettings}, read from this when the campaign starts. A {@code null} is
 * "not given": on creation the dial type's default applies, and a setting that does not apply to
 * the dial type stays null. {@link CampaignSetting} says which setting applies to which type.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CampaignSettings") // the API's name for it since issue 17: generated clients keep their class
public record CampaignDefinition(
        String name,
        String description,
        DialType dialMode,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        List<Long> hotlineIds,
        Long workingHoursId,
        Integer maxCallsPerCustomer,
        Integer retryGapMinutes,
        Integer noCallbackDays,
        Integer wrapUpSeconds,
        Long scriptId,
        Integer dailyQuota,
        Map<Long, Integer> agentQuotas,
        List<Long> agentIds,
        List<Long> agentGroupIds,
        Boolean autoAssignAccountManager,
        Boolean ticketPerCall,
        Integer previewSeconds,
        Double maxAbandonRate,
        Long waitingMusicId,
        Integer maxWaitSeconds,
        Integer agentAnswerTimeoutSeconds,
        Integer maxConcurrentCalls,
        HotlineRotation hotlineRotation,
        Long hotlineGroupId,
        Long ivrId,
        Boolean ticketOnAgentOrVoicemail,
        Map<String, Long> classificationMapping) {

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Settings made in code (the demo's campaigns), every one unset until given. */
    public static Builder builder() {
        return new Builder();
    }

    /** The same instants, told in the zone's offset: how they are stored and read back. */
    public CampaignDefinition withTimesIn(ZoneId zone) {
        return toBuilder()
                .startTime(startTime == null ? null : startTime.atZoneSameInstant(zone).toOffsetDateTime())
                .endTime(endTime == null ? null : endTime.atZoneSameInstant(zone).toOffsetDateTime())
                .build();
    }

    /**
     * What decides whether and how customers are dialed: everything but the wording (name and
     * description) and the order in which lists were typed.
     */
    public CampaignDefinition dialingRules() {
        return toBuilder().name(null).description(null)
                .hotlineIds(sorted(hotlineIds)).agentIds(sorted(agentIds)).agentGroupIds(sorted(agentGroupIds))
                .build();
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids == null ? null : ids.stream().sorted().toList();
    }

    /** Copies settings with some of them changed; records have no with-expressions yet. */
    public static final class Builder {

        private String name;
        private String description;
        private DialType dialMode;
        private OffsetDateTime startTime;
        private OffsetDateTime endTime;
        private List<Long> hotlineIds;
        private Long workingHoursId;
        private Integer maxCallsPerCustomer;
        private Integer retryGapMinutes;
        private Integer noCallbackDays;
        private Integer wrapUpSeconds;
        private Long scriptId;
        private Integer dailyQuota;
        private Map<Long, Integer> agentQuotas;
        private List<Long> agentIds;
        private List<Long> agentGroupIds;
        private Boolean autoAssignAccountManager;
        private Boolean ticketPerCall;
        private Integer previewSeconds;
        private Double maxAbandonRate;
        private Long waitingMusicId;
        private Integer maxWaitSeconds;
        private Integer agentAnswerTimeoutSeconds;
        private Integer maxConcurrentCalls;
        private HotlineRotation hotlineRotation;
        private Long hotlineGroupId;
        private Long ivrId;
        private Boolean ticketOnAgentOrVoicemail;
        private Map<String, Long> classificationMapping;

        private Builder() {
        }

        private Builder(CampaignDefinition settings) {
            name = settings.name;
            description = settings.description;
            dialMode = settings.dialMode;
            startTime = settings.startTime;
            endTime = settings.endTime;
            hotlineIds = settings.hotlineIds;
            workingHoursId = settings.workingHoursId;
            maxCallsPerCustomer = settings.maxCallsPerCustomer;
            retryGapMinutes = settings.retryGapMinutes;
            noCallbackDays = settings.noCallbackDays;
            wrapUpSeconds = settings.wrapUpSeconds;
            scriptId = settings.scriptId;
            dailyQuota = settings.dailyQuota;
            agentQuotas = settings.agentQuotas;
            agentIds = settings.agentIds;
            agentGroupIds = settings.agentGroupIds;
            autoAssignAccountManager = settings.autoAssignAccountManager;
            ticketPerCall = settings.ticketPerCall;
            previewSeconds = settings.previewSeconds;
            maxAbandonRate = settings.maxAbandonRate;
            waitingMusicId = settings.waitingMusicId;
            maxWaitSeconds = settings.maxWaitSeconds;
            agentAnswerTimeoutSeconds = settings.agentAnswerTimeoutSeconds;
            maxConcurrentCalls = settings.maxConcurrentCalls;
            hotlineRotation = settings.hotlineRotation;
            hotlineGroupId = settings.hotlineGroupId;
            ivrId = settings.ivrId;
            ticketOnAgentOrVoicemail = settings.ticketOnAgentOrVoicemail;
            classificationMapping = settings.classificationMapping;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder dialMode(DialType value) {
            dialMode = value;
            return this;
        }

        public Builder startTime(OffsetDateTime value) {
            startTime = value;
            return this;
        }

        public Builder endTime(OffsetDateTime value) {
            endTime = value;
            return this;
        }

        public Builder hotlineIds(List<Long> value) {
            hotlineIds = value;
            return this;
        }

        public Builder workingHoursId(Long value) {
            workingHoursId = value;
            return this;
        }

        public Builder maxCallsPerCustomer(Integer value) {
            maxCallsPerCustomer = value;
            return this;
        }

        public Builder retryGapMinutes(Integer value) {
            retryGapMinutes = value;
            return this;
        }

        public Builder noCallbackDays(Integer value) {
            noCallbackDays = value;
            return this;
        }

        public Builder wrapUpSeconds(Integer value) {
            wrapUpSeconds = value;
            return this;
        }

        public Builder scriptId(Long value) {
            scriptId = value;
            return this;
        }

        public Builder dailyQuota(Integer value) {
            dailyQuota = value;
            return this;
        }

        public Builder agentQuotas(Map<Long, Integer> value) {
            agentQuotas = value;
            return this;
        }

        public Builder agentIds(List<Long> value) {
            agentIds = value;
            return this;
        }

        public Builder agentGroupIds(List<Long> value) {
            agentGroupIds = value;
            return this;
        }

        public Builder autoAssignAccountManager(Boolean value) {
            autoAssignAccountManager = value;
            return this;
        }

        public Builder ticketPerCall(Boolean value) {
            ticketPerCall = value;
            return this;
        }

        public Builder previewSeconds(Integer value) {
            previewSeconds = value;
            return this;
        }

        public Builder maxAbandonRate(Double value) {
            maxAbandonRate = value;
            return this;
        }

        public Builder waitingMusicId(Long value) {
            waitingMusicId = value;
            return this;
        }

        public Builder maxWaitSeconds(Integer value) {
            maxWaitSeconds = value;
            return this;
        }

        public Builder agentAnswerTimeoutSeconds(Integer value) {
            agentAnswerTimeoutSeconds = value;
            return this;
        }

        public Builder maxConcurrentCalls(Integer value) {
            maxConcurrentCalls = value;
            return this;
        }

        public Builder hotlineRotation(HotlineRotation value) {
            hotlineRotation = value;
            return this;
        }

        public Builder hotlineGroupId(Long value) {
            hotlineGroupId = value;
            return this;
        }

        public Builder ivrId(Long value) {
            ivrId = value;
            return this;
        }

        public Builder ticketOnAgentOrVoicemail(Boolean value) {
            ticketOnAgentOrVoicemail = value;
            return this;
        }

        public Builder classificationMapping(Map<String, Long> value) {
            classificationMapping = value;
            return this;
        }

        public CampaignDefinition build() {
            return new CampaignDefinition(name, description, dialMode, startTime, endTime, hotlineIds, workingHoursId, maxCallsPerCustomer, retryGapMinutes, noCallbackDays, wrapUpSeconds, scriptId, dailyQuota, agentQuotas, agentIds, agentGroupIds, autoAssignAccountManager, ticketPerCall, previewSeconds, maxAbandonRate, waitingMusicId, maxWaitSeconds, agentAnswerTimeoutSeconds, maxConcurrentCalls, hotlineRotation, hotlineGroupId, ivrId, ticketOnAgentOrVoicemail, classificationMapping);
        }
    }
}
