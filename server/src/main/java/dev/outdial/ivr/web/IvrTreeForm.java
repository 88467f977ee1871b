package dev.outdial.ivr.web;

import dev.outdial.engine.ivr.IvrAction;
import dev.outdial.engine.ivr.IvrKey;
import dev.outdial.engine.ivr.IvrNode;
import dev.outdial.engine.ivr.IvrNodeType;
import dev.outdial.shared.Violations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The IVR editor's form, every field as the admin typed it (text, so a wrong value stays on the
 * page to fix): the tree's root and its nodes, each with its keys. Posted as plain
 * {@code application/x-www-form-urlencoded} fields named by position ({@code nodes[1].keys[0].action}),
 * so the page needs no script and no multipart part per field.
 */
record IvrTreeForm(String root, List<NodeFields> nodes) {

    private static final Pattern NODE_FIELD = Pattern.compile("nodes\\[(\\d{1,4})]\\.(\\w+)");
    private static final Pattern KEY_FIELD = Pattern.compile("nodes\\[(\\d{1,4})]\\.keys\\[(\\d{1,3})]\\.(\\w+)");

    /** One node; {@code was} is the id it had when the page was drawn, to follow a rename. */
    record NodeFields(String id, String was, String type, String prompt, String audioId, String timeoutSeconds,
                      String retries, String next, List<KeyFields> keys) {

        public boolean collects() {
            return !IvrNodeType.PLAY.name().equals(type);
        }

        NodeFields withKeys(List<KeyFields> changed) {
            return new NodeFields(id, was, type, prompt, audioId, timeoutSeconds, retries, next, changed);
        }

        private NodeFields renamed(UnaryOperator<String> rename) {
            return new NodeFields(id, id, type, prompt, audioId, timeoutSeconds, retries, rename.apply(next),
                    keys.stream().map(key -> new KeyFields(key.digit(), key.action(), rename.apply(key.target()),
                            key.result())).toList());
        }
    }

    /** One key of a node: the digit pressed, its action, the node it goes to and the result it sets. */
    record KeyFields(String digit, String action, String target, String result) {

        static KeyFields blank() {
            return new KeyFields("", "", "", "");
        }

        boolean isBlank() {
            return digit.isBlank() && action.isBlank() && target.isBlank() && result.isBlank();
        }
    }

    /** The form as the tree reads, or the edits' start. */
    static IvrTreeForm of(String root, List<IvrNode> nodes) {
        return new IvrTreeForm(text(root), nodes.stream().map(IvrTreeForm::fields).toList());
    }

    /** A node the JSON left empty ({@code null}) keeps its place, so reasons about it land on it. */
    private static NodeFields fields(IvrNode node) {
        return node == null ? new NodeFields("", "", "", "", "", "", "", "", List.of()) : fieldsOf(node);
    }

    /** A new IVR starts with one question to fill in. */
    static IvrTreeForm start() {
        return new IvrTreeForm("n1", List.of()).withNode();
    }

    /**
     * The posted fields, in their positions; a node renamed since the page was drawn takes the
     * keys, {@code next} and root that pointed at its old id along.
     */
    static IvrTreeForm read(MultiValueMap<String, String> fields) {
        Map<Integer, Map<String, String>> nodeFields = new TreeMap<>();
        Map<Integer, Map<Integer, Map<String, String>>> keyFields = new TreeMap<>();
        fields.forEach((name, values) -> {
            String value = values.isEmpty() || values.getFirst() == null ? "" : values.getFirst();
            Matcher key = KEY_FIELD.matcher(name);
            Matcher node = NODE_FIELD.matcher(name);
            if (key.matches()) {
                int at = Integer.parseInt(key.group(1));
                nodeFields.computeIfAbsent(at, i -> new HashMap<>());
                keyFields.computeIfAbsent(at, i -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(key.group(2)), j -> new HashMap<>()).put(key.group(3), value);
            } else if (node.matches()) {
                nodeFields.computeIfAbsent(Integer.parseInt(node.group(1)), i -> new HashMap<>()).put(node.group(2), value);
            }
        });
        List<NodeFields> nodes = new ArrayList<>();
        nodeFields.forEach((at, node) -> nodes.add(new NodeFields(field(node, "id"), field(node, "was"),
                field(node, "type"), field(node, "prompt"), field(node, "audioId"), field(node, "timeoutSeconds"),
                field(node, "retries"), field(node, "next"),
                keyFields.getOrDefault(at, Map.of()).values().stream().map(key -> new KeyFields(field(key, "digit"),
                        field(key, "action"), field(key, "target"), field(key, "result"))).toList())));
        return new IvrTreeForm(first(fields, "root"), nodes).followingRenames();
    }

    private IvrTreeForm followingRenames() {
        Set<String> current = new HashSet<>(nodeIds());
        Map<String, String> renamed = new HashMap<>();
        nodes.forEach(node -> {
            if (!node.was().isBlank() && !node.id().isBlank() && !node.was().equals(node.id())
                    && !current.contains(node.was())) {
                renamed.put(node.was(), node.id());
            }
        });
        UnaryOperator<String> rename = id -> renamed.getOrDefault(id, id);
        return new IvrTreeForm(rename.apply(root), nodes.stream().map(node -> node.renamed(rename)).toList());
    }

    public List<String> nodeIds() {
        return nodes.stream().map(NodeFields::id).filter(id -> !id.isBlank()).toList();
    }

    /** A new node at the end, with an id no node has, asking for a key. */
    IvrTreeForm withNode() {
        Set<String> taken = new HashSet<>(nodeIds());
        int number = nodes.size() + 1;
        while (taken.contains("n" + number)) {
            number++;
        }
        List<NodeFields> more = new ArrayList<>(nodes);
        // Drawn under its id, so a rename before the next post takes the root and targets along.
        more.add(new NodeFields("n" + number, "n" + number, IvrNodeType.COLLECT.name(), "", "", "5", "1", "",
                List.of(KeyFields.blank())));
        return new IvrTreeForm(root.isBlank() ? "n" + number : root, more);
    }

    /** Without the node; what pointed at it still does, so saving names each of those. */
    IvrTreeForm withoutNode(int at) {
        if (at < 0 || at >= nodes.size()) {
            return this;
        }
        List<NodeFields> fewer = new ArrayList<>(nodes);
        fewer.remove(at);
        return new IvrTreeForm(root, fewer);
    }

    IvrTreeForm withKey(int at) {
        if (at < 0 || at >= nodes.size()) {
            return this;
        }
        List<KeyFields> keys = new ArrayList<>(nodes.get(at).keys());
        keys.add(KeyFields.blank());
        return withNodeAt(at, nodes.get(at).withKeys(keys));
    }

    IvrTreeForm withoutKey(int at, int key) {
        if (at < 0 || at >= nodes.size() || key < 0 || key >= nodes.get(at).keys().size()) {
            return this;
        }
        List<KeyFields> keys = new ArrayList<>(nodes.get(at).keys());
        keys.remove(key);
        return withNodeAt(at, nodes.get(at).withKeys(keys));
    }

    private IvrTreeForm withNodeAt(int at, NodeFields node) {
        List<NodeFields> changed = new ArrayList<>(nodes);
        changed.set(at, node);
        return new IvrTreeForm(root, changed);
    }

    /**
     * What leads to the node at {@code at}, as the admin reads it ("the first node", "n1 key 2",
     * "n3 then"), to ask before removing it.
     */
    List<String> pointingAt(int at, String rootWords, String keyWord, String nextWord) {
        String id = nodes.get(at).id();
        List<String> from = new ArrayList<>();
        if (id.isBlank()) {
            return from;
        }
        if (id.equals(root)) {
            from.add(rootWords);
        }
        for (int i = 0; i < nodes.size(); i++) {
            NodeFields node = nodes.get(i);
            if (i != at && id.equals(node.next())) {
                from.add(node.id() + " " + nextWord);
            }
            for (KeyFields key : node.keys()) {
                if (i != at && id.equals(key.target())) {
                    from.add(node.id() + " " + keyWord + " " + key.digit());
                }
            }
        }
        return from;
    }

    /**
     * The nodes as the rules check them, with what the fields cannot say recorded at the same
     * paths the rules use: a key given twice in a node (a tree's keys are a map, so only the form
     * can hold it twice), a number that is not one, a type or action that is not one.
     */
    List<IvrNode> toNodes(Violations violations) {
        List<IvrNode> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeFields node = nodes.get(i);
            String at = "nodes[" + i + "].";
            Map<String, IvrKey> keys = new LinkedHashMap<>();
            for (KeyFields key : node.keys()) {
                if (key.isBlank()) {
                    continue;
                }
                String digit = key.digit().strip();
                IvrKey read = new IvrKey(choice(IvrAction.class, key.action(), at + "keys." + digit + ".action", violations),
                        orNull(key.target()), orNull(key.result()));
                if (keys.putIfAbsent(digit, read) != null) {
                    violations.add(at + "keys." + digit, "ivr.key.twice", digit);
                }
            }
            boolean collects = node.collects();
            out.add(new IvrNode(orNull(node.id()), choice(IvrNodeType.class, node.type(), at + "type", violations),
                    orNull(node.prompt()), number(node.audioId(), at + "audioId", violations, Long::valueOf),
                    number(node.timeoutSeconds(), at + "timeoutSeconds", violations, Integer::valueOf),
                    number(node.retries(), at + "retries", violations, Integer::valueOf), orNull(node.next()),
                    collects || !keys.isEmpty() ? keys : null));
        }
        return out;
    }

    private static NodeFields fieldsOf(IvrNode node) {
        List<KeyFields> keys = new ArrayList<>();
        node.keysOrEmpty().forEach((digit, key) -> keys.add(key == null ? new KeyFields(digit, "", "", "")
                : new KeyFields(digit, key.action() == null ? "" : key.action().name(), text(key.target()),
                        text(key.result()))));
        return new NodeFields(text(node.id()), text(node.id()), node.type() == null ? "" : node.type().name(),
                text(node.prompt()), node.audioId() == null ? "" : node.audioId().toString(),
                node.timeoutSeconds() == null ? "" : node.timeoutSeconds().toString(),
                node.retries() == null ? "" : node.retries().toString(), text(node.next()), keys);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Violations violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException unknown) {
            violations.add(field, "validation.not-one-of", value, List.of(type.getEnumConstants()).toString());
            return null;
        }
    }

    private static <N> N number(String value, String field, Violations violations,
                                Function<String, N> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException notANumber) {
            violations.add(field, "validation.whole-number");
            return null;
        }
    }

    private static String field(Map<String, String> fields, String name) {
        return fields.getOrDefault(name, "");
    }

    /** The field's first value, empty when it was not posted. */
    static String first(MultiValueMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value;
    }

    private static String orNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
