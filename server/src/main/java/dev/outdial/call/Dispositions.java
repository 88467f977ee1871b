package dev.outdial.call;

import dev.outdial.call.DispositionRequest;
import dev.outdial.call.DispositionNames;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.campaign.settings.Script;
import dev.outdial.campaign.settings.Scripts;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.port.CallDisposition;
import dev.outdial.shared.FieldViolation;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.Violations;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an agent's disposition before the engine takes it: the classification is one of the
 * business's, the next step is known, a callback has a time to come, and the answers fit the
 * campaign's script (its own, else the business's default: SPEC §2 "used when a campaign names none").
 */
@Component
public class Dispositions {

    private static final Set<String> NEXT_STEPS = Set.of(DispositionNames.DONE, DispositionNames.CALLBACK,
            DispositionNames.DO_NOT_CALL_BACK);

    private final CallClassifications classifications;
    private final Scripts scripts;
    private final JsonMapper json;
    private final Clock clock;

    Dispositions(CallClassifications classifications, Scripts scripts, JsonMapper json, Clock clock) {
        this.classifications = classifications;
        this.scripts = scripts;
        this.json = json;
        this.clock = clock;
    }

    public CallDisposition validate(long businessId, Campaign campaign, AgentId agent, DispositionRequest request) {
        Violations violations = new Violations();
        if (violations.check(request.classification() != null, "classification", "validation.required")) {
            violations.check(classifications.unknownClassifications(businessId, List.of(request.classification())).isEmpty(),
                    "classification", "dialing.classification.unknown", request.classification());
        }
        if (violations.check(request.next() != null, "next", "validation.required")) {
            violations.check(NEXT_STEPS.contains(request.next()), "next", "dialing.next.unknown", request.next());
        }
        if (DispositionNames.CALLBACK.equals(request.next())
                && violations.check(request.callbackAt() != null, "callbackAt", "validation.required")) {
            violations.check(request.callbackAt().isAfter(clock.instant()), "callbackAt", "dialing.callback-at.past");
        }
        Map<String, Object> answers = request.answers() == null ? Map.of() : request.answers();
        List<FieldViolation> wrongAnswers = scriptOf(businessId, campaign)
                .map(script -> scripts.validateAnswers(script, answers))
                .orElseGet(() -> answers.isEmpty() ? List.of()
                        : List.of(new FieldViolation("answers", "dialing.answers.no-script", new Object[0])));
        if (!violations.isEmpty() || !wrongAnswers.isEmpty()) {
            throw new InvalidInputException(concat(violations.list(), wrongAnswers));
        }
        CustomerInput.Disposition next = DispositionNames.of(request.next(), Optional.ofNullable(request.callbackAt()),
                Optional.of(agent));
        return new CallDisposition(String.valueOf(request.classification()), next, asText(answers));
    }

    /** The script the campaign's agents answer: its own, else the business's default, else none. */
    public Optional<Script> scriptOf(long businessId, Campaign campaign) {
        Long scriptId = campaign.settings().scriptId();
        return scriptId != null ? Optional.of(scripts.get(businessId, scriptId)) : scripts.defaultScript(businessId);
    }

    /** Each answer as text for the call record: a choice or free text as is, numbers and lists as JSON. */
    private Map<String, String> asText(Map<String, Object> answers) {
        Map<String, String> text = new LinkedHashMap<>();
        answers.forEach((question, answer) -> {
            if (answer != null) {
                text.put(question, answer instanceof String plain ? plain : json.writeValueAsString(answer));
            }
        });
        return text;
    }

    private static List<FieldViolation> concat(List<FieldViolation> first, List<FieldViolation> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
