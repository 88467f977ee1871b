package dev.outdial.campaign.internal;

import dev.outdial.agent.AgentGroups;
import dev.outdial.agent.UserAccounts;
import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.CampaignSetting;
import dev.outdial.campaign.HotlineRotation;
import dev.outdial.campaign.IvrCatalog;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.campaign.settings.Hotlines;
import dev.outdial.campaign.settings.Scripts;
import dev.outdial.campaign.settings.WorkingHoursSchedules;
import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.pacing.PredictiveSettings;
import dev.outdial.media.AudioFiles;
import dev.outdial.shared.Violations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks a campaign's settings against SPEC §4.1 and the manual's ranges, naming every field that
 * is wrong, and fills the dial type's defaults for what was not given.
 */
@Component
public class CampaignValidator {

    static final int MAX_CONCURRENT_CALLS = 100;

    private final UserAccounts users;
    private final AgentGroups groups;
    private final Hotlines hotlines;
    private final WorkingHoursSchedules workingHours;
    private final Scripts scripts;
    private final CallClassifications classifications;
    private final List<IvrCatalog> ivrs;
    private final AudioFiles audio;

    /** No {@link IvrCatalog} at all means no IVR is known, so an autocall campaign cannot name one. */
    CampaignValidator(UserAccounts users, AgentGroups groups, Hotlines hotlines, WorkingHoursSchedules workingHours,
                  Scripts scripts, CallClassifications classifications, List<IvrCatalog> ivrs, AudioFiles audio) {
        this.ivrs = List.copyOf(ivrs);
        this.audio = audio;
        this.users = users;
        this.groups = groups;
        this.hotlines = hotlines;
        this.workingHours = workingHours;
        this.scripts = scripts;
        this.classifications = classifications;
    }

    /** The settings with defaults filled in, or an {@code InvalidInputException} naming every broken rule. */
    public CampaignDefinition validate(long businessId, CampaignDefinition given) {
        Violations violations = new Violations();
        String name = given.name() == null ? null : given.name().strip();
        if (violations.check(name != null && !name.isEmpty(), "name", "validation.required")) {
            violations.check(name.length() <= 200, "name", "validation.too-long", 200);
        }
        violations.check(given.description() == null || given.description().length() <= 2000, "description",
                "validation.too-long", 2000);
        DialType mode = given.dialMode();
        if (!violations.check(mode != null, "dialMode", "validation.required")) {
            violations.throwIfAny();
        }
        for (CampaignSetting setting : CampaignSetting.values()) {
            if (!setting.appliesTo(mode) && setting.isGivenIn(given)) {
                violations.add(setting.field(), "campaign.setting.not-for-mode", mode);
            }
        }
        checkWindow(given, violations);
        CampaignDefinition filled = Defaults.fill(given, mode, name);
        checkRanges(filled, violations);
        checkReferences(businessId, filled, violations);
        violations.throwIfAny();
        return filled;
    }

    private static void checkWindow(CampaignDefinition given, Violations violations) {
        boolean hasStart = violations.check(given.startTime() != null, "startTime", "validation.required");
        boolean hasEnd = violations.check(given.endTime() != null, "endTime", "validation.required");
        if (hasStart && hasEnd) {
            violations.check(given.startTime().isBefore(given.endTime()), "endTime", "campaign.end-before-start");
        }
    }

    private static void checkRanges(CampaignDefinition s, Violations violations) {
        range(violations, "maxCallsPerCustomer", s.maxCallsPerCustomer(), 1, 100);
        range(violations, "retryGapMinutes", s.retryGapMinutes(), 0, 43_200);
        range(violations, "noCallbackDays", s.noCallbackDays(), 0, 3_650);
        range(violations, "wrapUpSeconds", s.wrapUpSeconds(), 0, 3_600);
        range(violations, "dailyQuota", s.dailyQuota(), 1, 100_000);
        range(violations, "previewSeconds", s.previewSeconds(), 1, 3_600);
        range(violations, "maxWaitSeconds", s.maxWaitSeconds(), 1, 600);
        range(violations, "agentAnswerTimeoutSeconds", s.agentAnswerTimeoutSeconds(), 5, 300);
        range(violations, "recordingRetentionDays", s.recordingRetentionDays(), 1, 3_650);
        range(violations, "maxConcurrentCalls", s.maxConcurrentCalls(), 1, MAX_CONCURRENT_CALLS);
        if (s.maxAbandonRate() != null) {
            violations.check(PredictiveSettings.allowsAbandonRate(s.maxAbandonRate()), "maxAbandonRate",
                    "campaign.abandon-rate.range", PredictiveSettings.HIGHEST_ABANDON_RATE);
        }
        if (s.agentQuotas() != null) {
            for (Map.Entry<Long, Integer> quota : s.agentQuotas().entrySet()) {
                range(violations, "agentQuotas." + quota.getKey(), quota.getValue(), 1, 100_000);
            }
        }
    }

    private void checkReferences(long businessId, CampaignDefinition s, Violations violations) {
        checkHotlines(businessId, s, violations);
        if (violations.check(s.workingHoursId() != null, "workingHoursId", "validation.required")) {
            violations.check(workingHours.exists(businessId, s.workingHoursId()), "workingHoursId",
                    "campaign.reference.unknown", s.workingHoursId());
        }
        if (s.ivrId() != null) {
            violations.check(ivrs.stream().anyMatch(catalog -> catalog.exists(businessId, s.ivrId())), "ivrId",
                    "campaign.reference.unknown", s.ivrId());
        }
        // The music an answered customer hears while waiting: one of the business's own audio files.
        if (s.waitingMusicId() != null) {
            violations.check(audio.exists(businessId, s.waitingMusicId()), "waitingMusicId",
                    "campaign.audio.unknown", s.waitingMusicId());
        }
        // The message left on a machine: one of the business's audio files, and only where machines are told apart.
        if (s.voicemailMessageId() != null) {
            violations.check(audio.exists(businessId, s.voicemailMessageId()), "voicemailMessageId",
                    "campaign.audio.unknown", s.voicemailMessageId());
            violations.check(Boolean.TRUE.equals(s.answeringMachineDetection()), "voicemailMessageId",
                    "campaign.voicemail.needs-detection");
        }
        if (s.scriptId() != null) {
            violations.check(scripts.exists(businessId, s.scriptId()), "scriptId", "campaign.reference.unknown",
                    s.scriptId());
        }
        Set<Long> notAgents = users.notActiveAgents(businessId, s.agentIds());
        violations.check(notAgents.isEmpty(), "agentIds", "campaign.agents.unknown", notAgents.toString());
        Set<Long> unknownGroups = groups.unknownGroups(businessId, s.agentGroupIds());
        violations.check(unknownGroups.isEmpty(), "agentGroupIds", "campaign.reference.unknown", unknownGroups.toString());
        if (s.agentQuotas() != null && !s.agentQuotas().isEmpty()) {
            Set<Long> assigned = new HashSet<>(s.agentIds());
            s.agentGroupIds().forEach(group -> assigned.addAll(groups.get(businessId, group).agentIds()));
            Set<Long> strangers = s.agentQuotas().keySet().stream().filter(agent -> !assigned.contains(agent))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            violations.check(strangers.isEmpty(), "agentQuotas", "campaign.quota.not-assigned", strangers.toString());
        }
        checkClassificationMapping(businessId, s.classificationMapping(), violations);
    }

    private void checkHotlines(long businessId, CampaignDefinition s, Violations violations) {
        HotlineRotation rotation = s.hotlineRotation();
        if (rotation == HotlineRotation.RANDOM_GROUP) {
            if (violations.check(s.hotlineGroupId() != null, "hotlineGroupId", "campaign.hotline-group.required")) {
                violations.check(hotlines.group(businessId, s.hotlineGroupId()).isPresent(), "hotlineGroupId",
                        "campaign.reference.unknown", s.hotlineGroupId());
            }
        } else if (s.hotlineGroupId() != null) {
            violations.add("hotlineGroupId", "campaign.hotline-group.only-for-group-rotation");
        }
        if (rotation == HotlineRotation.SINGLE) {
            violations.check(s.hotlineIds().size() == 1, "hotlineIds", "campaign.hotlines.exactly-one");
        } else if (rotation == null) {
            violations.check(!s.hotlineIds().isEmpty(), "hotlineIds", "campaign.hotlines.required");
        }
        Set<Long> unknown = hotlines.unknownHotlines(businessId, s.hotlineIds());
        violations.check(unknown.isEmpty(), "hotlineIds", "campaign.reference.unknown", unknown.toString());
    }

    private void checkClassificationMapping(long businessId, Map<String, Long> mapping, Violations violations) {
        if (mapping == null || mapping.isEmpty()) {
            return;
        }
        Set<String> results = Arrays.stream(CallResult.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> unknownResults = new ArrayList<>();
        for (String result : mapping.keySet()) {
            if (!results.contains(result)) {
                unknownResults.add(result);
            }
        }
        violations.check(unknownResults.isEmpty(), "classificationMapping", "campaign.mapping.unknown-result",
                unknownResults.toString(), results.stream().sorted().toList().toString());
        Set<Long> unknownClassifications = classifications.unknownClassifications(businessId, mapping.values());
        violations.check(unknownClassifications.isEmpty(), "classificationMapping", "campaign.reference.unknown",
                unknownClassifications.toString());
    }

    private static void range(Violations violations, String field, Integer value, int min, int max) {
        if (value != null) {
            violations.check(value >= min && value <= max, field, "validation.range", min, max);
        }
    }

    /** The dial type's defaults for what the admin left out; settings of other types stay null. */
    static final class Defaults {

        private Defaults() {
        }

        static CampaignDefinition fill(CampaignDefinition s, DialType mode, String name) {
            // Every setting in the record's order; those not given take the dial type's default.
            return new CampaignDefinition(
                    name,
                    blankToNull(s.description()),
                    mode,
                    s.startTime(),
                    s.endTime(),
                    distinct(s.hotlineIds()),
                    s.workingHoursId(),
                    or(s.maxCallsPerCustomer(), 3),
                    or(s.retryGapMinutes(), 30),
                    // 0 means never again: the cautious default for a customer who asked not to be called.
                    or(s.noCallbackDays(), 0),
                    when(CampaignSetting.WRAP_UP_SECONDS, mode, or(s.wrapUpSeconds(), 10)),
                    when(CampaignSetting.SCRIPT_ID, mode, s.scriptId()),
                    when(CampaignSetting.DAILY_QUOTA, mode, s.dailyQuota()),
                    when(CampaignSetting.AGENT_QUOTAS, mode,
                            s.agentQuotas() == null ? Map.of() : new LinkedHashMap<>(s.agentQuotas())),
                    distinct(s.agentIds()),
                    distinct(s.agentGroupIds()),
                    when(CampaignSetting.AUTO_ASSIGN_ACCOUNT_MANAGER, mode, or(s.autoAssignAccountManager(), false)),
                    or(s.ticketPerCall(), false),
                    when(CampaignSetting.PREVIEW_SECONDS, mode, or(s.previewSeconds(), 15)),
                    when(CampaignSetting.MAX_ABANDON_RATE, mode,
                            or(s.maxAbandonRate(), PredictiveSettings.DEFAULT_MAX_ABANDON_RATE)),
                    when(CampaignSetting.WAITING_MUSIC_ID, mode, s.waitingMusicId()),
                    when(CampaignSetting.MAX_WAIT_SECONDS, mode,
                            or(s.maxWaitSeconds(), seconds(PredictiveSettings.DEFAULT_MAX_WAIT))),
                    when(CampaignSetting.AGENT_ANSWER_TIMEOUT_SECONDS, mode,
                            or(s.agentAnswerTimeoutSeconds(), seconds(CampaignSettings.DEFAULT_AGENT_ANSWER_TIMEOUT))),
                    // Autocall needs a ceiling of its own; predictive may rely on the business's limit alone.
                    mode == DialType.AUTOCALL ? or(s.maxConcurrentCalls(), 10)
                            : when(CampaignSetting.MAX_CONCURRENT_CALLS, mode, s.maxConcurrentCalls()),
                    when(CampaignSetting.HOTLINE_ROTATION, mode, or(s.hotlineRotation(), HotlineRotation.SINGLE)),
                    when(CampaignSetting.HOTLINE_GROUP_ID, mode, s.hotlineGroupId()),
                    when(CampaignSetting.IVR_ID, mode, s.ivrId()),
                    when(CampaignSetting.TICKET_ON_AGENT_OR_VOICEMAIL, mode, or(s.ticketOnAgentOrVoicemail(), false)),
                    when(CampaignSetting.ANSWERING_MACHINE_DETECTION, mode, or(s.answeringMachineDetection(), false)),
                    when(CampaignSetting.VOICEMAIL_MESSAGE_ID, mode, s.voicemailMessageId()),
                    or(s.recordCalls(), false),
                    s.recordingRetentionDays(),
                    s.classificationMapping() == null ? Map.of() : new LinkedHashMap<>(s.classificationMapping()));
        }

        private static <T> T when(CampaignSetting setting, DialType mode, T value) {
            return setting.appliesTo(mode) ? value : null;
        }

        private static int seconds(Duration duration) {
            return Math.toIntExact(duration.toSeconds());
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }

        private static List<Long> distinct(List<Long> ids) {
            return ids == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(ids.stream().filter(id -> id != null).toList()));
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }
}
