package dev.outdial.ivr;

import dev.outdial.engine.ivr.IvrAction;
import dev.outdial.engine.ivr.IvrKey;
import dev.outdial.engine.ivr.IvrNode;
import dev.outdial.engine.ivr.IvrNodeType;
import dev.outdial.shared.Violations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/**
 * The rules of an IVR tree, each broken one reported at its path ({@code nodes[2].keys.1.target}):
 * the root exists, no {@code next} or {@code target} points nowhere, every node can be reached from
 * the root, keys are 0–9, {@code *} or {@code #} and used once per node, an action has what it
 * needs, a prompt is text or one of the business's audio files, and no loop runs without waiting
 * for the caller — a call stuck in one would play prompts forever on a paid line.
 */
public final class IvrTreeRules {

    static final int MAX_NODES = 200;
    static final int MAX_PROMPT = 2000;
    static final int MAX_ID = 40;
    private static final Pattern KEY = Pattern.compile("[0-9*#]");

    private IvrTreeRules() {
    }

    /** The nodes as stored (ids, keys and prompts stripped), after recording every broken rule. */
    public static List<IvrNode> check(IvrDraft draft, LongPredicate audioOfBusiness, Set<String> resultCodes,
                                      Violations violations) {
        List<IvrNode> given = draft.nodes() == null ? List.of() : draft.nodes();
        if (!violations.check(!given.isEmpty(), "nodes", "validation.required")) {
            return List.of();
        }
        violations.check(given.size() <= MAX_NODES, "nodes", "ivr.nodes.too-many", MAX_NODES);
        List<IvrNode> nodes = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            IvrNode node = normalised(given.get(i), i, violations);
            nodes.add(node);
            if (node != null && node.id() != null && index.putIfAbsent(node.id(), i) != null) {
                violations.add(path(i, "id"), "ivr.node.duplicate-id", node.id());
            }
        }
        String root = strip(draft.root());
        if (violations.check(root != null, "root", "validation.required")) {
            violations.check(index.containsKey(root), "root", "ivr.node.unknown", root);
        }
        for (int i = 0; i < nodes.size(); i++) {
            IvrNode node = nodes.get(i);
            if (node != null) {
                checkNode(node, i, index, audioOfBusiness, resultCodes, violations);
            }
        }
        if (root != null && index.containsKey(root)) {
            checkReachable(nodes, index, root, violations);
            checkEndlessLoops(nodes, index, violations);
        }
        return nodes;
    }

    private static IvrNode normalised(IvrNode node, int i, Violations violations) {
        if (!violations.check(node != null, path(i, ""), "validation.required")) {
            return null;
        }
        String id = strip(node.id());
        if (violations.check(id != null, path(i, "id"), "validation.required")) {
            violations.check(id.length() <= MAX_ID, path(i, "id"), "validation.too-long", MAX_ID);
        }
        Map<String, IvrKey> keys = new LinkedHashMap<>();
        for (Map.Entry<String, IvrKey> key : node.keysOrEmpty().entrySet()) {
            String pressed = key.getKey() == null ? "" : key.getKey().strip();
            // The API refuses a key given twice in the JSON; " 1" and "1" would still be the same key to a caller.
            if (keys.putIfAbsent(pressed, key.getValue()) != null) {
                violations.add(path(i, "keys." + pressed), "ivr.key.twice", pressed);
            }
        }
        return new IvrNode(id, node.type(), strip(node.prompt()), node.audioId(), node.timeoutSeconds(), node.retries(),
                strip(node.next()), node.keys() == null ? null : keys);
    }

    private static void checkNode(IvrNode node, int i, Map<String, Integer> index, LongPredicate audioOfBusiness,
                                  Set<String> resultCodes, Violations violations) {
        violations.check(node.prompt() == null || node.prompt().length() <= MAX_PROMPT, path(i, "prompt"),
                "validation.too-long", MAX_PROMPT);
        if (node.audioId() != null) {
            violations.check(audioOfBusiness.test(node.audioId()), path(i, "audioId"), "ivr.audio.unknown", node.audioId());
        }
        if (node.next() != null) {
            violations.check(index.containsKey(node.next()), path(i, "next"), "ivr.node.unknown", node.next());
        }
        if (!violations.check(node.type() != null, path(i, "type"), "validation.required")) {
            return;
        }
        switch (node.type()) {
            case PLAY -> {
                violations.check(node.prompt() != null || node.audioId() != null, path(i, "prompt"), "ivr.play.needs-prompt");
                violations.check(node.keys() == null || node.keys().isEmpty(), path(i, "keys"), "ivr.play.no-keys");
                violations.check(node.timeoutSeconds() == null, path(i, "timeoutSeconds"), "ivr.play.no-wait");
                violations.check(node.retries() == null, path(i, "retries"), "ivr.play.no-wait");
            }
            case COLLECT -> {
                range(node.timeoutSeconds(), 1, 60, path(i, "timeoutSeconds"), violations);
                range(node.retries(), 0, 5, path(i, "retries"), violations);
                if (violations.check(!node.keysOrEmpty().isEmpty(), path(i, "keys"), "validation.required")) {
                    node.keys().forEach((pressed, key) -> checkKey(pressed, key, i, index, resultCodes, violations));
                }
            }
        }
    }

    private static void checkKey(String pressed, IvrKey key, int i, Map<String, Integer> index, Set<String> resultCodes,
                                 Violations violations) {
        String at = path(i, "keys." + pressed);
        violations.check(KEY.matcher(pressed).matches(), at, "ivr.key.invalid");
        if (!violations.check(key != null && key.action() != null, at + ".action", "validation.required")) {
            return;
        }
        String target = strip(key.target());
        switch (key.action()) {
            case GOTO -> {
                if (violations.check(target != null, at + ".target", "validation.required")) {
                    violations.check(index.containsKey(target), at + ".target", "ivr.node.unknown", target);
                }
            }
            case SET_RESULT -> {
                String result = strip(key.result());
                if (violations.check(result != null, at + ".result", "validation.required")) {
                    violations.check(resultCodes.contains(result), at + ".result", "ivr.result.unknown", result,
                            resultCodes.stream().sorted().toList().toString());
                }
                if (target != null) {
                    violations.check(index.containsKey(target), at + ".target", "ivr.node.unknown", target);
                }
            }
            case CONNECT_AGENT, OPT_OUT, HANGUP ->
                    violations.check(target == null, at + ".target", "ivr.key.ends-call", key.action());
        }
        if (key.action() != IvrAction.SET_RESULT) {
            violations.check(key.result() == null, at + ".result", "ivr.key.result-only-for-set-result");
        }
    }

    /** Node ids a node leads to: its {@code next} and its keys' targets. */
    static List<String> successors(IvrNode node) {
        List<String> out = new ArrayList<>();
        if (node.next() != null) {
            out.add(node.next());
        }
        node.keysOrEmpty().values().forEach(key -> {
            if (key != null && key.target() != null) {
                out.add(key.target().strip());
            }
        });
        return out;
    }

    private static void checkReachable(List<IvrNode> nodes, Map<String, Integer> index, String root, Violations violations) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            Integer at = index.get(id);
            if (at != null && seen.add(id) && nodes.get(at) != null) {
                todo.addAll(successors(nodes.get(at)));
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            IvrNode node = nodes.get(i);
            if (node != null && node.id() != null && !seen.contains(node.id())) {
                violations.add(path(i, "id"), "ivr.node.unreachable", node.id());
            }
        }
    }

    /**
     * Only PLAY nodes move on without the caller, along {@code next}: a loop made of them alone
     * never ends. A loop through a COLLECT waits for a key each time round, so it may stay.
     */
    private static void checkEndlessLoops(List<IvrNode> nodes, Map<String, Integer> index, Violations violations) {
        for (int i = 0; i < nodes.size(); i++) {
            Set<String> path = new HashSet<>();
            IvrNode node = nodes.get(i);
            while (node != null && node.type() == IvrNodeType.PLAY && node.next() != null && path.add(node.id())) {
                Integer next = index.get(node.next());
                node = next == null ? null : nodes.get(next);
                if (node != null && node.id() != null && node.id().equals(nodes.get(i).id())) {
                    violations.add(path(i, "next"), "ivr.node.endless-loop", nodes.get(i).id());
                    break;
                }
            }
        }
    }

    private static void range(Integer value, int min, int max, String field, Violations violations) {
        if (violations.check(value != null, field, "validation.required")) {
            violations.check(value >= min && value <= max, field, "validation.range", min, max);
        }
    }

    private static String path(int i, String field) {
        return field.isEmpty() ? "nodes[" + i + "]" : "nodes[" + i + "]." + field;
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
