package dev.outdial.campaign;

import static dev.outdial.engine.customer.DialType.AUTOCALL;
import static dev.outdial.engine.customer.DialType.AUTO_CALLBACK;
import static dev.outdial.engine.customer.DialType.MANUAL;
import static dev.outdial.engine.customer.DialType.PREDICTIVE;
import static dev.outdial.engine.customer.DialType.PREVIEW;
import static dev.outdial.engine.customer.DialType.PROGRESSIVE;

import dev.outdial.engine.customer.DialType;
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
    WRAP_UP_SECONDS("wrapUpSeconds", CampaignDefinition::wrapUpSeconds, PREVIEW, PROGRESSIVE, PREDICTIVE, AUTO_CALLBACK),
    SCRIPT_ID("scriptId", CampaignDefinition::scriptId, MANUAL, PREVIEW, PROGRESSIVE, PREDICTIVE, AUTO_CALLBACK),
    DAILY_QUOTA("dailyQuota", CampaignDefinition::dailyQuota, MANUAL, PREVIEW, PROGRESSIVE, PREDICTIVE),
    AGENT_QUOTAS("agentQuotas", CampaignDefinition::agentQuotas, MANUAL, PREVIEW, PROGRESSIVE, PREDICTIVE),
    AUTO_ASSIGN_ACCOUNT_MANAGER("autoAssignAccountManager", CampaignDefinition::autoAssignAccountManager,
            MANUAL, PREVIEW, PROGRESSIVE, PREDICTIVE),
    PREVIEW_SECONDS("previewSeconds", CampaignDefinition::previewSeconds, PREVIEW),
    MAX_ABANDON_RATE("maxAbandonRate", CampaignDefinition::maxAbandonRate, PREDICTIVE),
    WAITING_MUSIC_ID("waitingMusicId", CampaignDefinition::waitingMusicId, PREDICTIVE),
    MAX_WAIT_SECONDS("maxWaitSeconds", CampaignDefinition::maxWaitSeconds, PREDICTIVE),
    AGENT_ANSWER_TIMEOUT_SECONDS("agentAnswerTimeoutSeconds", CampaignDefinition::agentAnswerTimeoutSeconds,
            PREDICTIVE, AUTO_CALLBACK),
    MAX_CONCURRENT_CALLS("maxConcurrentCalls", CampaignDefinition::maxConcurrentCalls, PREDICTIVE, AUTOCALL),
    HOTLINE_ROTATION("hotlineRotation", CampaignDefinition::hotlineRotation, AUTOCALL),
    HOTLINE_GROUP_ID("hotlineGroupId", CampaignDefinition::hotlineGroupId, AUTOCALL),
    IVR_ID("ivrId", CampaignDefinition::ivrId, AUTOCALL),
    TICKET_ON_AGENT_OR_VOICEMAIL("ticketOnAgentOrVoicemail", CampaignDefinition::ticketOnAgentOrVoicemail, AUTOCALL),
    ANSWERING_MACHINE_DETECTION("answeringMachineDetection", CampaignDefinition::answeringMachineDetection,
            PROGRESSIVE, PREDICTIVE, AUTOCALL),
    VOICEMAIL_MESSAGE_ID("voicemailMessageId", CampaignDefinition::voicemailMessageId,
            PROGRESSIVE, PREDICTIVE, AUTOCALL);

    private final String field;
    private final Function<CampaignDefinition, Object> value;
    private final Set<DialType> modes;

    CampaignSetting(String field, Function<CampaignDefinition, Object> value, DialType first, DialType... rest) {
        this.field = field;
        this.value = value;
        this.modes = EnumSet.of(first, rest);
    }

    /** The JSON field name, which is also the field an error names. */
    public String field() {
        return field;
    }

    public boolean appliesTo(DialType mode) {
        return modes.contains(mode);
    }

    /**
     * Whether the settings give this one a meaning: a value, a non-empty list or map, or a switch
     * turned on. An empty list or a switch left off says nothing, so a campaign read back from
     * the API can be sent again unchanged.
     */
    public boolean isGivenIn(CampaignDefinition settings) {
        return switch (value.apply(settings)) {
            case null -> false;
            case Boolean on -> on;
            case Collection<?> list -> !list.isEmpty();
            case Map<?, ?> map -> !map.isEmpty();
            default -> true;
        };
    }
}
