package dev.outdial.campaign.web;

import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.HotlineRotation;
import dev.outdial.engine.customer.DialType;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The campaign form of the pages: the API's settings in the shape HTML inputs bind to (local
 * date-times in the business's zone, check boxes, lists), converted both ways.
 */
public class CampaignForm {

    private String name;
    private String description;
    private DialType dialMode;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime startTime;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime endTime;
    private List<Long> hotlineIds = new ArrayList<>();
    private Long workingHoursId;
    private Integer maxCallsPerCustomer;
    private Integer retryGapMinutes;
    private Integer noCallbackDays;
    private Integer wrapUpSeconds;
    private Long scriptId;
    private Integer dailyQuota;
    private Map<Long, Integer> agentQuotas = new LinkedHashMap<>();
    private List<Long> agentIds = new ArrayList<>();
    private List<Long> agentGroupIds = new ArrayList<>();
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
    private Boolean answeringMachineDetection;
    private Long voicemailMessageId;
    private Boolean recordCalls;
    private Integer recordingRetentionDays;
    private Map<String, Long> classificationMapping = new LinkedHashMap<>();

    static CampaignForm of(CampaignDefinition s) {
        CampaignForm form = new CampaignForm();
        form.name = s.name();
        form.description = s.description();
        form.dialMode = s.dialMode();
        form.startTime = s.startTime() == null ? null : s.startTime().toLocalDateTime();
        form.endTime = s.endTime() == null ? null : s.endTime().toLocalDateTime();
        form.hotlineIds = new ArrayList<>(s.hotlineIds());
        form.workingHoursId = s.workingHoursId();
        form.maxCallsPerCustomer = s.maxCallsPerCustomer();
        form.retryGapMinutes = s.retryGapMinutes();
        form.noCallbackDays = s.noCallbackDays();
        form.wrapUpSeconds = s.wrapUpSeconds();
        form.scriptId = s.scriptId();
        form.dailyQuota = s.dailyQuota();
        form.agentQuotas = s.agentQuotas() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(s.agentQuotas());
        form.agentIds = new ArrayList<>(s.agentIds());
        form.agentGroupIds = new ArrayList<>(s.agentGroupIds());
        form.autoAssignAccountManager = s.autoAssignAccountManager();
        form.ticketPerCall = s.ticketPerCall();
        form.previewSeconds = s.previewSeconds();
        form.maxAbandonRate = s.maxAbandonRate();
        form.waitingMusicId = s.waitingMusicId();
        form.maxWaitSeconds = s.maxWaitSeconds();
        form.agentAnswerTimeoutSeconds = s.agentAnswerTimeoutSeconds();
        form.maxConcurrentCalls = s.maxConcurrentCalls();
        form.hotlineRotation = s.hotlineRotation();
        form.hotlineGroupId = s.hotlineGroupId();
        form.ivrId = s.ivrId();
        form.ticketOnAgentOrVoicemail = s.ticketOnAgentOrVoicemail();
        form.answeringMachineDetection = s.answeringMachineDetection();
        form.voicemailMessageId = s.voicemailMessageId();
        form.recordCalls = s.recordCalls();
        form.recordingRetentionDays = s.recordingRetentionDays();
        form.classificationMapping = new LinkedHashMap<>(s.classificationMapping());
        return form;
    }

    /** The settings the form says; times are read in the business's zone, empty quotas are no quota. */
    CampaignDefinition toSettings(ZoneId zone) {
        Map<Long, Integer> quotas = new LinkedHashMap<>();
        agentQuotas.forEach((agent, quota) -> {
            if (quota != null) {
                quotas.put(agent, quota);
            }
        });
        Map<String, Long> mapping = new LinkedHashMap<>();
        classificationMapping.forEach((result, classification) -> {
            if (classification != null) {
                mapping.put(result, classification);
            }
        });
        return new CampaignDefinition(name, description, dialMode,
                startTime == null ? null : startTime.atZone(zone).toOffsetDateTime(),
                endTime == null ? null : endTime.atZone(zone).toOffsetDateTime(),
                hotlineIds, workingHoursId, maxCallsPerCustomer, retryGapMinutes, noCallbackDays, wrapUpSeconds,
                scriptId, dailyQuota, quotas, agentIds, agentGroupIds, autoAssignAccountManager, ticketPerCall,
                previewSeconds, maxAbandonRate, waitingMusicId, maxWaitSeconds, agentAnswerTimeoutSeconds,
                maxConcurrentCalls, hotlineRotation, hotlineGroupId, ivrId, ticketOnAgentOrVoicemail,
                answeringMachineDetection, voicemailMessageId, recordCalls, recordingRetentionDays, mapping);
    }

    // Getters and setters for Spring's data binder and Thymeleaf's th:field.

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public DialType getDialMode() { return dialMode; }
    public void setDialMode(DialType dialMode) { this.dialMode = dialMode; }
    public LocalDateTime getStartTime() { return startTime; }
    public void setStartTime(LocalDateTime startTime) { this.startTime = startTime; }
    public LocalDateTime getEndTime() { return endTime; }
    public void setEndTime(LocalDateTime endTime) { this.endTime = endTime; }
    public List<Long> getHotlineIds() { return hotlineIds; }
    public void setHotlineIds(List<Long> hotlineIds) { this.hotlineIds = hotlineIds == null ? new ArrayList<>() : hotlineIds; }
    public Long getWorkingHoursId() { return workingHoursId; }
    public void setWorkingHoursId(Long workingHoursId) { this.workingHoursId = workingHoursId; }
    public Integer getMaxCallsPerCustomer() { return maxCallsPerCustomer; }
    public void setMaxCallsPerCustomer(Integer value) { this.maxCallsPerCustomer = value; }
    public Integer getRetryGapMinutes() { return retryGapMinutes; }
    public void setRetryGapMinutes(Integer value) { this.retryGapMinutes = value; }
    public Integer getNoCallbackDays() { return noCallbackDays; }
    public void setNoCallbackDays(Integer value) { this.noCallbackDays = value; }
    public Integer getWrapUpSeconds() { return wrapUpSeconds; }
    public void setWrapUpSeconds(Integer value) { this.wrapUpSeconds = value; }
    public Long getScriptId() { return scriptId; }
    public void setScriptId(Long scriptId) { this.scriptId = scriptId; }
    public Integer getDailyQuota() { return dailyQuota; }
    public void setDailyQuota(Integer dailyQuota) { this.dailyQuota = dailyQuota; }
    public Map<Long, Integer> getAgentQuotas() { return agentQuotas; }
    public void setAgentQuotas(Map<Long, Integer> quotas) { this.agentQuotas = quotas == null ? new LinkedHashMap<>() : quotas; }
    public List<Long> getAgentIds() { return agentIds; }
    public void setAgentIds(List<Long> agentIds) { this.agentIds = agentIds == null ? new ArrayList<>() : agentIds; }
    public List<Long> getAgentGroupIds() { return agentGroupIds; }
    public void setAgentGroupIds(List<Long> ids) { this.agentGroupIds = ids == null ? new ArrayList<>() : ids; }
    public Boolean getAutoAssignAccountManager() { return autoAssignAccountManager; }
    public void setAutoAssignAccountManager(Boolean value) { this.autoAssignAccountManager = value; }
    public Boolean getTicketPerCall() { return ticketPerCall; }
    public void setTicketPerCall(Boolean ticketPerCall) { this.ticketPerCall = ticketPerCall; }
    public Integer getPreviewSeconds() { return previewSeconds; }
    public void setPreviewSeconds(Integer previewSeconds) { this.previewSeconds = previewSeconds; }
    public Double getMaxAbandonRate() { return maxAbandonRate; }
    public void setMaxAbandonRate(Double maxAbandonRate) { this.maxAbandonRate = maxAbandonRate; }
    public Long getWaitingMusicId() { return waitingMusicId; }
    public void setWaitingMusicId(Long waitingMusicId) { this.waitingMusicId = waitingMusicId; }
    public Integer getMaxWaitSeconds() { return maxWaitSeconds; }
    public void setMaxWaitSeconds(Integer maxWaitSeconds) { this.maxWaitSeconds = maxWaitSeconds; }
    public Integer getAgentAnswerTimeoutSeconds() { return agentAnswerTimeoutSeconds; }
    public void setAgentAnswerTimeoutSeconds(Integer value) { this.agentAnswerTimeoutSeconds = value; }
    public Integer getMaxConcurrentCalls() { return maxConcurrentCalls; }
    public void setMaxConcurrentCalls(Integer maxConcurrentCalls) { this.maxConcurrentCalls = maxConcurrentCalls; }
    public HotlineRotation getHotlineRotation() { return hotlineRotation; }
    public void setHotlineRotation(HotlineRotation hotlineRotation) { this.hotlineRotation = hotlineRotation; }
    public Long getHotlineGroupId() { return hotlineGroupId; }
    public void setHotlineGroupId(Long hotlineGroupId) { this.hotlineGroupId = hotlineGroupId; }
    public Long getIvrId() { return ivrId; }
    public void setIvrId(Long ivrId) { this.ivrId = ivrId; }
    public Boolean getTicketOnAgentOrVoicemail() { return ticketOnAgentOrVoicemail; }
    public void setTicketOnAgentOrVoicemail(Boolean value) { this.ticketOnAgentOrVoicemail = value; }
    public Boolean getAnsweringMachineDetection() { return answeringMachineDetection; }
    public void setAnsweringMachineDetection(Boolean value) { this.answeringMachineDetection = value; }
    public Long getVoicemailMessageId() { return voicemailMessageId; }
    public void setVoicemailMessageId(Long value) { this.voicemailMessageId = value; }
    public Boolean getRecordCalls() { return recordCalls; }
    public void setRecordCalls(Boolean value) { this.recordCalls = value; }
    public Integer getRecordingRetentionDays() { return recordingRetentionDays; }
    public void setRecordingRetentionDays(Integer value) { this.recordingRetentionDays = value; }
    public Map<String, Long> getClassificationMapping() { return classificationMapping; }
    public void setClassificationMapping(Map<String, Long> mapping) {
        this.classificationMapping = mapping == null ? new LinkedHashMap<>() : mapping;
    }
}
