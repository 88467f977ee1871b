package dev.outdial.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.ivr.IvrAction;
import dev.outdial.engine.ivr.IvrNode;
import dev.outdial.engine.ivr.IvrPrompt;
import dev.outdial.engine.ivr.IvrSession;
import dev.outdial.engine.ivr.IvrWalk;
import dev.outdial.engine.ivr.IvrWalk.Input;
import dev.outdial.shared.Violations;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IvrWalkTest {

    static final Ivr SURVEY = parse();

    static Ivr parse() {
        JsonMapper json = JsonMapper.builder().build();
        IvrDraft draft = json.convertValue(IvrSamples.survey("Survey"), IvrDraft.class);
        Violations violations = new Violations();
        List<IvrNode> nodes = IvrTreeRules.check(draft, id -> true, Set.of("INTERESTED"), violations);
        assertThat(violations.list()).isEmpty();
        return new Ivr(1, draft.name(), draft.root(), nodes);
    }

    private static List<String> heard(IvrWalk.Outcome outcome) {
        return outcome.prompts().stream().map(IvrPrompt::nodeId).toList();
    }

    @Test
    void pressingOneRecordsTheResultAndHangsUp() {
        IvrWalk.Outcome outcome = IvrWalk.walk(SURVEY.tree(), List.of(Input.key("1")));

        assertThat(heard(outcome)).containsExactly("n1", "n2");
        assertThat(outcome.end()).isEqualTo(IvrAction.HANGUP);
        assertThat(outcome.lastResult()).isEqualTo("INTERESTED");
    }

    @Test
    void theMenuConnectsAnAgent() {
        IvrWalk.Outcome outcome = IvrWalk.walk(SURVEY.tree(), List.of(Input.key("2"), Input.key("0")));

        assertThat(heard(outcome)).containsExactly("n1", "n2", "n3");
        assertThat(outcome.end()).isEqualTo(IvrAction.CONNECT_AGENT);
    }

    @Test
    void goingBackFromTheMenuAsksAgain() {
        IvrWalk.Outcome outcome = IvrWalk.walk(SURVEY.tree(), List.of(Input.key("2"), Input.key("*"), Input.key("9")));

        assertThat(heard(outcome)).containsExactly("n1", "n2", "n3", "n2");
        assertThat(outcome.end()).isEqualTo(IvrAction.OPT_OUT);
    }

    @Test
    void silenceAndWrongKeysUseTheRetriesThenFallThroughToNext() {
        IvrWalk.Outcome outcome = IvrWalk.walk(SURVEY.tree(), List.of(Input.silence(), Input.key("7")));

        // the prompt once, then twice more (retries 2), then goodbye
        assertThat(heard(outcome)).containsExactly("n1", "n2", "n2", "n2", "n4");
        assertThat(outcome.end()).isEqualTo(IvrAction.HANGUP);
        assertThat(outcome.results()).isEmpty();
    }

    @Test
    void aCollectWithoutNextHangsUpAfterItsRetries() {
        IvrWalk.Outcome outcome = IvrWalk.walk(SURVEY.tree(), List.of(Input.key("2")));

        assertThat(heard(outcome)).containsExactly("n1", "n2", "n3");
        assertThat(outcome.end()).isEqualTo(IvrAction.HANGUP);
    }

    @Test
    void aCallerWhoAlwaysGoesBackIsCutOffEventually() {
        List<Input> forever = java.util.stream.Stream.generate(() -> List.of(Input.key("2"), Input.key("*")))
                .limit(500).flatMap(List::stream).toList();

        IvrWalk.Outcome outcome = IvrWalk.walk(SURVEY.tree(), forever);

        assertThat(outcome.prompts()).hasSize(IvrSession.MAX_PROMPTS);
        assertThat(outcome.end()).isEqualTo(IvrAction.HANGUP);
    }
}
