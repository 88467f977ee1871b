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
        Boolean answeringMachineDetection,
        Long voicemailMessageId,
        Boolean recordCalls,
        Integer recordingRetentionDays,
        Map<String, Long> classificationMapping) {

    /** The same instants, told in the zone's offset: how they are stored and read back. */
    public CampaignDefinition withTimesIn(ZoneId zone) {
        return with(name, description, inZone(startTime, zone), inZone(endTime, zone), hotlineIds, agentIds,
                agentGroupIds, agentQuotas, recordingRetentionDays, classificationMapping);
    }

    /** The same campaign with the lists and maps kept in tables of their own, as read back from them. */
    public CampaignDefinition withChildren(List<Long> hotlineIds, List<Long> agentIds, List<Long> agentGroupIds,
                                           Map<Long, Integer> agentQuotas, Map<String, Long> classificationMapping) {
        return with(name, description, startTime, endTime, hotlineIds, agentIds, agentGroupIds, agentQuotas,
                recordingRetentionDays, classificationMapping);
    }

    /**
     * What decides whether and how customers are dialed: everything but the wording (name and
     * description), how long recordings are kept, and the order in which lists were typed.
     */
    public CampaignDefinition dialingRules() {
        return with(null, null, startTime, endTime, sorted(hotlineIds), sorted(agentIds), sorted(agentGroupIds),
                agentQuotas, null, classificationMapping);
    }

    /** A copy with those of its settings changed that code ever changes; the others stay as they are. */
    private CampaignDefinition with(String name, String description, OffsetDateTime startTime, OffsetDateTime endTime,
                                    List<Long> hotlineIds, List<Long> agentIds, List<Long> agentGroupIds,
                                    Map<Long, Integer> agentQuotas, Integer recordingRetentionDays,
                                    Map<String, Long> classificationMapping) {
        return new CampaignDefinition(name, description, dialMode, startTime, endTime,
                hotlineIds, workingHoursId, maxCallsPerCustomer, retryGapMinutes, noCallbackDays, wrapUpSeconds,
                scriptId, dailyQuota, agentQuotas, agentIds, agentGroupIds, autoAssignAccountManager, ticketPerCall,
                previewSeconds, maxAbandonRate, waitingMusicId, maxWaitSeconds, agentAnswerTimeoutSeconds,
                maxConcurrentCalls, hotlineRotation, hotlineGroupId, ivrId, ticketOnAgentOrVoicemail,
                answeringMachineDetection, voicemailMessageId, recordCalls, recordingRetentionDays,
                classificationMapping);
    }

    private static OffsetDateTime inZone(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids == null ? null : ids.stream().sorted().toList();
    }
}
