package dev.outdial.campaign.settings;

import dev.outdial.shared.Names;
import dev.outdial.business.BusinessCreated;
import dev.outdial.campaign.settings.internal.CallClassificationRepository;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Violations;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business's call classifications. Every business starts with the defaults the spec names
 * (SPEC §4.4): the not-reached results a campaign maps technical results to, and the reached ones
 * agents choose after a conversation.
 */
@Service
public class CallClassifications {

    record Default(String code, String name, boolean reached) {
    }

    static final List<Default> DEFAULTS = List.of(
            new Default("NO_ANSWER", "No answer", false),
            new Default("BUSY", "Busy", false),
            new Default("REFUSED", "Refused", false),
            new Default("ABANDONED", "Abandoned", false),
            new Default("ANSWERING_MACHINE", "Answering machine", false),
            new Default("INVALID_NUMBER", "Invalid number", false),
            new Default("TECHNICAL_ERROR", "Technical error", false),
            new Default("REACHED", "Reached", true),
            new Default("INTERESTED", "Interested", true),
            new Default("NOT_INTERESTED", "Not interested", true),
            new Default("WRONG_PERSON", "Wrong person", true),
            new Default("CALL_BACK_LATER", "Call back later", true));

    /** The built-in classification each technical result means, which a new campaign maps it to. */
    private static final Map<CallResult, String> BUILT_IN_FOR_RESULT = Map.of(
            CallResult.NOANSWER, "NO_ANSWER", CallResult.BUSY, "BUSY", CallResult.REFUSAL, "REFUSED",
            CallResult.ABANDONED, "ABANDONED", CallResult.MACHINE, "ANSWERING_MACHINE",
            CallResult.INVALID_NUMBER, "INVALID_NUMBER", CallResult.HOTLINE_ERROR, "TECHNICAL_ERROR",
            CallResult.NETWORK_ERROR, "TECHNICAL_ERROR", CallResult.AGENT_TIMEOUT, "TECHNICAL_ERROR");

    private final CallClassificationRepository classifications;
    private final UsageGuard usage;
    private final Clock clock;

    CallClassifications(CallClassificationRepository classifications, UsageGuard usage, Clock clock) {
        this.classifications = classifications;
        this.usage = usage;
        this.clock = clock;
    }

    /** Whether {@code name} is still the name the built-in classification {@code code} came with. */
    static boolean isDefaultName(String code, String name) {
        return DEFAULTS.stream().anyMatch(classification -> classification.code().equals(code)
                && classification.name().equals(name));
    }

    /** Each technical result mapped to the business's built-in classification of the same meaning. */
    @Transactional(readOnly = true)
    public Map<String, Long> defaultMapping(long businessId) {
        Map<String, Long> idByCode = new HashMap<>();
        list(businessId).stream().filter(CallClassification::builtIn)
                .forEach(classification -> idByCode.put(classification.code(), classification.id()));
        Map<String, Long> mapping = new LinkedHashMap<>();
        for (CallResult result : CallResult.values()) {
            Long id = idByCode.get(BUILT_IN_FOR_RESULT.get(result));
            if (id != null) {
                mapping.put(result.name(), id);
            }
        }
        return mapping;
    }

    /** Synchronous, so the defaults are made in the transaction that makes the business. */
    @EventListener
    void giveTheNewBusinessTheDefaults(BusinessCreated created) {
        for (Default classification : DEFAULTS) {
            classifications.insert(created.businessId(), classification.name(), classification.code(),
                    classification.reached(), true, clock.instant());
        }
    }

    @Transactional
    public CallClassification create(long businessId, CallClassificationDraft draft) {
        Violations violations = new Violations();
        String name = Names.check(draft.name(), violations);
        violations.check(draft.reached() != null, "reached", "validation.required");
        String typedCode = checkCode(draft.code(), violations);
        violations.throwIfAny();
        refuseTakenName(businessId, name, null);
        String code = typedCode != null ? typedCode
                : ClassificationCodes.fromName(name, candidate -> classifications.codeTaken(businessId, candidate, null));
        refuseTakenCode(businessId, code, null);
        long id = classifications.insert(businessId, name, code, draft.reached(), false, clock.instant());
        return get(businessId, id);
    }

    @Transactional
    public CallClassification update(long businessId, long id, CallClassificationDraft changes) {
        CallClassification current = get(businessId, id);
        Violations violations = new Violations();
        String name = Names.check(Objects.requireNonNullElse(changes.name(), current.name()), violations);
        String code = changes.code() == null ? current.code() : checkCode(changes.code(), violations);
        violations.throwIfAny();
        boolean reached = Objects.requireNonNullElse(changes.reached(), current.reached());
        if (current.builtIn() && (reached != current.reached() || !code.equals(current.code()))) {
            // The result mapping and the reports rely on what a built-in one means.
            throw new ConflictException("classification.built-in.fixed", current.name());
        }
        refuseTakenName(businessId, name, id);
        refuseTakenCode(businessId, code, id);
        classifications.update(businessId, id, name, code, reached);
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public CallClassification get(long businessId, long id) {
        return classifications.find(businessId, id).orElseThrow(() -> new NotFoundException("call-classification", id));
    }

    @Transactional(readOnly = true)
    public List<CallClassification> list(long businessId) {
        return classifications.list(businessId);
    }

    @Transactional
    public void delete(long businessId, long id) {
        CallClassification classification = get(businessId, id);
        if (classification.builtIn()) {
            throw new ConflictException("classification.built-in.undeletable", classification.name());
        }
        usage.refuseDeletionInUse(businessId, SettingKind.CLASSIFICATION, id);
        classifications.delete(businessId, id);
    }

    /** The ids among {@code ids} that are not classifications of this business. */
    @Transactional(readOnly = true)
    public Set<Long> unknownClassifications(long businessId, Collection<Long> ids) {
        Set<Long> missing = new LinkedHashSet<>(ids);
        classifications.existing(businessId, Set.copyOf(ids)).forEach(missing::remove);
        return missing;
    }

    private static String checkCode(String typed, Violations violations) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        return violations.check(ClassificationCodes.CODE.matcher(code).matches(), "code", "classification.code.invalid",
                typed.strip()) ? code : null;
    }

    private void refuseTakenName(long businessId, String name, Long exceptId) {
        if (classifications.nameTaken(businessId, name, exceptId)) {
            throw new ConflictException("classification.name.taken", name);
        }
    }

    private void refuseTakenCode(long businessId, String code, Long exceptId) {
        if (classifications.codeTaken(businessId, code, exceptId)) {
            throw new ConflictException("classification.code.taken", code);
        }
    }
}
