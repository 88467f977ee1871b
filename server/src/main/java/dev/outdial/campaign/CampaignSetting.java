package dev.outdial.campaign;

import static dev.outdial.campaign.DialMode.AUTOCALL;
import static dev.outdial.campaign.DialMode.AUTO_CALLBACK;
import static dev.outdial.campaign.DialMode.MANUAL;
import static dev.outdial.campaign.DialMode.PREDICTIVE;
import static dev.outdial.campaign.DialMode.PREVIEW;
import static dev.outdial.campaign.DialMode.PROGRESSIVE;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The settings that belong to some dial types only: the table of SPEC §4.1 in code. A setting
 * given for a type it does not apply to is rejected rather than stored and silently ignored.
 * Settings common to all types are not listed.
 */
public enum CampaignSetting {
    WRAP_UP_SECONDS("wrapUpSeconds", CampaignSettings::wrapUpSeconds, PREVIEW, PROGRESSIVE, PREDICTIVE, AUTO_CALLBACK),
    SCRIPT_ID("scriptId", CampaignSettings::scriptId, MANUAL, PREVIEW, PROGRESSIVE, PREDICTIVE, AUTO_CALLBACK),
    DAILY_QUOTA("dailyQuota", CampaignSettings::dailyQuota, MANUAL, PREVIEW, PROGRESSIVE, PREDICTIVE),
    AGENT_QUOTAS("agentQuotas", CampaignSettings::agentQuotas, MANUAL, PREVIEW, PROGRESSIVE, PREDICTIVE),
    AUTO_ASSIGN_ACCOUNT_MANAGER("autoAssignAccountManager", CampaignSettings::autoAssignAccountManager,
            MANUAL, PREVIEW, PROGRESSIVE, PREDICTIVE),
    PREVIEW_SECONDS("previewSeconds", CampaignSettings::previewSeconds, PREVIEW),
    MAX_ABANDON_RATE("maxAbandonRate", CampaignSettings::maxAbandonRate, PREDICTIVE),
    WAITING_MUSIC_ID("waitingMusicId", CampaignSettings::waitingMusicId, PREDICTIVE),
    MAX_WAIT_SECONDS("maxWaitSeconds", CampaignSettings::maxWaitSeconds, PREDICTIVE),
    AGENT_ANSWER_TIMEOUT_SECONDS("agentAnswerTimeoutSeconds", CampaignSettings::agentAnswerTimeoutSeconds,
            PREDICTIVE, AUTO_CALLBACK),
    MAX_CONCURRENT_CALLS("maxConcurrentCalls", CampaignSettings::maxConcurrentCalls, PREDICTIVE, AUTOCALL),
    HOTLINE_ROTATION("hotlineRotation", CampaignSettings::hotlineRotation, AUTOCALL),
    HOTLINE_GROUP_ID("hotlineGroupId", CampaignSettings::hotlineGroupId, AUTOCALL),
    IVR_ID("ivrId", CampaignSettings::ivrId, AUTOCALL),
    TICKET_ON_AGENT_OR_VOICEMAIL("ticketOnAgentOrVoicemail", CampaignSettings::ticketOnAgentOrVoicemail, AUTOCALL);

    private final String field;
    private final Function<CampaignSettings, Object> value;
    private final Set<DialMode> modes;

    CampaignSetting(String field, Function<CampaignSettings, Object> value, DialMode first, DialMode... rest) {
        this.field = field;
        this.value = value;
        this.modes = EnumSet.of(first, rest);
    }

    /** The JSON field name, which is also the field an error names. */
    public String field() {
        return field;
    }

    public boolean appliesTo(DialMode mode) {
        return modes.contains(mode);
    }

    /**
     * Whether the settings give this one a meaning: a value, a non-empty list or map, or a switch
     * turned on. An empty list or a switch left off says nothing, so a campaign read back from
     * the API can be sent again unchanged.
     */
    public boolean isGivenIn(CampaignSettings settings) {
        return switch (value.apply(settings)) {
            case null -> false;
            case Boolean on -> on;
            case Collection<?> list -> !list.isEmpty();
            case Map<?, ?> map -> !map.isEmpty();
            default -> true;
        };
    }
}
