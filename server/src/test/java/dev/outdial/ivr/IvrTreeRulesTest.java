package dev.outdial.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.ivr.IvrAction;
import dev.outdial.engine.ivr.IvrKey;
import dev.outdial.engine.ivr.IvrNode;
import dev.outdial.engine.ivr.IvrNodeType;
import dev.outdial.shared.Violations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IvrTreeRulesTest {

    private static List<String> broken(String root, IvrNode... nodes) {
        Violations violations = new Violations();
        IvrTreeRules.check(new IvrDraft("x", root, List.of(nodes)), id -> id == 5, Set.of("INTERESTED"), violations);
        return violations.list().stream().map(v -> v.field() + " " + v.messageKey()).toList();
    }

    private static IvrNode play(String id, String next) {
        return new IvrNode(id, IvrNodeType.PLAY, "Hi", null, null, null, next, null);
    }

    private static IvrNode collect(String id, Map<String, IvrKey> keys) {
        return new IvrNode(id, IvrNodeType.COLLECT, "Press", null, 5, 1, null, keys);
    }

    @Test
    void aValidTreeHasNothingToSay() {
        assertThat(broken("a", play("a", "b"), collect("b", Map.of("1", new IvrKey(IvrAction.GOTO, "a", null))))).isEmpty();
    }

    @Test
    void theRootMustExist() {
        assertThat(broken("zz", play("a", null))).contains("root ivr.node.unknown");
    }

    @Test
    void danglingNextAndTargetAreNamedByTheirPath() {
        assertThat(broken("a", play("a", "nowhere"), collect("b", Map.of("1", new IvrKey(IvrAction.GOTO, "gone", null)))))
                .contains("nodes[0].next ivr.node.unknown", "nodes[1].keys.1.target ivr.node.unknown");
    }

    @Test
    void aNodeNoPathLeadsToIsUnreachable() {
        assertThat(broken("a", play("a", null), play("b", null))).containsExactly("nodes[1].id ivr.node.unreachable");
    }

    @Test
    void keysAreDigitsStarOrHashAndUsedOnce() {
        Map<String, IvrKey> keys = new LinkedHashMap<>();
        keys.put("1", new IvrKey(IvrAction.HANGUP, null, null));
        keys.put(" 1", new IvrKey(IvrAction.HANGUP, null, null));
        keys.put("A", new IvrKey(IvrAction.HANGUP, null, null));
        keys.put("12", new IvrKey(IvrAction.HANGUP, null, null));
        assertThat(broken("a", collect("a", keys)))
                .containsExactlyInAnyOrder("nodes[0].keys.1 ivr.key.twice", "nodes[0].keys.A ivr.key.invalid",
                        "nodes[0].keys.12 ivr.key.invalid");
    }

    @Test
    void actionsHaveWhatTheyNeed() {
        Map<String, IvrKey> keys = new LinkedHashMap<>();
        keys.put("1", new IvrKey(IvrAction.GOTO, null, null));
        keys.put("2", new IvrKey(IvrAction.SET_RESULT, null, null));
        keys.put("3", new IvrKey(IvrAction.SET_RESULT, null, "MAYBE"));
        keys.put("4", new IvrKey(IvrAction.HANGUP, "a", null));
        keys.put("5", new IvrKey(null, null, null));
        assertThat(broken("a", collect("a", keys))).containsExactlyInAnyOrder(
                "nodes[0].keys.1.target validation.required", "nodes[0].keys.2.result validation.required",
                "nodes[0].keys.3.result ivr.result.unknown", "nodes[0].keys.4.target ivr.key.ends-call",
                "nodes[0].keys.5.action validation.required");
    }

    @Test
    void playNeedsAPromptOrAnAudioOfTheBusinessAndCollectNeedsKeysTimeoutAndRetries() {
        assertThat(broken("a",
                new IvrNode("a", IvrNodeType.PLAY, " ", null, null, null, "b", null),
                new IvrNode("b", IvrNodeType.PLAY, null, 6L, null, null, "c", null),
                new IvrNode("c", IvrNodeType.COLLECT, "Press", null, 61, 6, null, Map.of()),
                new IvrNode("d", null, "x", 5L, null, null, null, null)))
                .contains("nodes[0].prompt ivr.play.needs-prompt", "nodes[1].audioId ivr.audio.unknown",
                        "nodes[2].timeoutSeconds validation.range", "nodes[2].retries validation.range",
                        "nodes[2].keys validation.required", "nodes[3].type validation.required");
    }

    @Test
    void aLoopOfPlayNodesNeverEndsButALoopThroughACollectWaits() {
        assertThat(broken("a", play("a", "b"), play("b", "a")))
                .containsExactlyInAnyOrder("nodes[0].next ivr.node.endless-loop", "nodes[1].next ivr.node.endless-loop");
        assertThat(broken("a", play("a", "b"), collect("b", Map.of("1", new IvrKey(IvrAction.GOTO, "a", null))))).isEmpty();
    }

    @Test
    void nodeIdsAreUnique() {
        assertThat(broken("a", play("a", null), play("a", null))).contains("nodes[1].id ivr.node.duplicate-id");
    }

}
