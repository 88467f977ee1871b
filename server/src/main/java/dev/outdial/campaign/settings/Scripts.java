package dev.outdial.campaign.settings;

import dev.outdial.shared.Names;
import dev.outdial.business.BusinessCreated;
import dev.outdial.campaign.settings.internal.ScriptRepository;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.FieldViolation;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Violations;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business's scripts. Exactly one is the default, used by every campaign that names no script
 * (manual: "If it is blank, the campaign uses the default script"), so the default is made with
 * the business, moved rather than removed, and never deleted.
 */
@Service
public class Scripts {

    static final String DEFAULT_NAME = "Default script";
    static final List<Question> DEFAULT_QUESTIONS = List.of(
            new Question("notes", "Notes", QuestionType.TEXT, false, List.of()));

    private final ScriptRepository scripts;
    private final UsageGuard usage;
    private final Clock clock;

    Scripts(ScriptRepository scripts, UsageGuard usage, Clock clock) {
        this.scripts = scripts;
        this.usage = usage;
        this.clock = clock;
    }

    /** Synchronous, so the default script is made in the transaction that makes the business. */
    @EventListener
    void giveTheNewBusinessItsDefaultScript(BusinessCreated created) {
        long id = scripts.insert(created.businessId(), DEFAULT_NAME, DEFAULT_QUESTIONS, clock.instant());
        scripts.makeDefault(created.businessId(), id);
    }

    @Transactional
    public Script create(long businessId, ScriptDraft draft) {
        Valid valid = validate(businessId, draft, null);
        long id = scripts.insert(businessId, valid.name(), valid.questions(), clock.instant());
        if (Boolean.TRUE.equals(draft.isDefault())) {
            scripts.makeDefault(businessId, id);
        }
        return get(businessId, id);
    }

    @Transactional
    public Script update(long businessId, long id, ScriptDraft draft) {
        Script current = get(businessId, id);
        Valid valid = validate(businessId, draft, id);
        if (current.isDefault() && Boolean.FALSE.equals(draft.isDefault())) {
            throw new ConflictException("script.default.required", current.name());
        }
        scripts.update(businessId, id, valid.name(), valid.questions());
        if (Boolean.TRUE.equals(draft.isDefault()) && !current.isDefault()) {
            scripts.makeDefault(businessId, id);
        }
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public Script get(long businessId, long id) {
        return scripts.find(businessId, id).orElseThrow(() -> new NotFoundException("script", id));
    }

    @Transactional(readOnly = true)
    public boolean exists(long businessId, long id) {
        return scripts.find(businessId, id).isPresent();
    }

    @Transactional(readOnly = true)
    public List<Script> list(long businessId) {
        return scripts.list(businessId);
    }

    @Transactional(readOnly = true)
    public Optional<Script> defaultScript(long businessId) {
        return scripts.findDefault(businessId);
    }

    @Transactional
    public void delete(long businessId, long id) {
        Script script = get(businessId, id);
        if (script.isDefault()) {
            throw new ConflictException("script.default.undeletable", script.name());
        }
        usage.refuseDeletionInUse(businessId, SettingKind.SCRIPT, id);
        scripts.delete(businessId, id);
    }

    /**
     * What is wrong with a call's answers to this script, keyed {@code answers.<question id>}:
     * a required question unanswered, an answer of the wrong type or not among the options, an
     * answer to no question. Empty when they may be saved.
     */
    public List<FieldViolation> validateAnswers(Script script, Map<String, Object> answers) {
        return QuestionRules.answers(script, answers);
    }

    private record Valid(String name, List<Question> questions) {
    }

    private Valid validate(long businessId, ScriptDraft draft, Long exceptId) {
        Violations violations = new Violations();
        String name = Names.check(draft.name(), violations);
        List<Question> questions = QuestionRules.check(draft.questions(), violations);
        violations.throwIfAny();
        if (scripts.nameTaken(businessId, name, exceptId)) {
            throw new ConflictException("script.name.taken", name);
        }
        return new Valid(name, questions);
    }
}
