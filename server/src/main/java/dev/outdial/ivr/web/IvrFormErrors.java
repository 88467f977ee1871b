package dev.outdial.ivr.web;

import dev.outdial.shared.FieldViolation;
import dev.outdial.web.PageMessages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules' reasons, which name a path ({@code nodes[0].keys.1.target}), put where the admin sees
 * them: next to the node ({@link #atNode}) and to the key's row ({@link #atKey}, by the node's
 * position and the row's), and in the list on top naming the node and the key by their ids
 * ({@link #summary}), which the JSON view shows too.
 */
record IvrFormErrors(List<String> summary, Map<Integer, List<String>> atNode, Map<String, List<String>> atKey) {

    private static final Pattern KEY = Pattern.compile("nodes\\[(\\d+)]\\.keys\\.(.*?)(?:\\.(action|target|result))?");
    private static final Pattern NODE = Pattern.compile("nodes\\[(\\d+)](?:\\.(\\w+))?");

    static IvrFormErrors none() {
        return new IvrFormErrors(List.of(), Map.of(), Map.of());
    }

    static IvrFormErrors of(List<String> general) {
        return new IvrFormErrors(List.copyOf(general), Map.of(), Map.of());
    }

    /** With reasons that belong to no node (a name already taken), first in the list. */
    IvrFormErrors after(List<String> general) {
        List<String> all = new ArrayList<>(general);
        all.addAll(summary);
        return new IvrFormErrors(all, atNode, atKey);
    }

    static IvrFormErrors of(List<FieldViolation> violations, IvrTreeForm form, PageMessages messages) {
        List<String> summary = new ArrayList<>();
        Map<Integer, List<String>> atNode = new LinkedHashMap<>();
        Map<String, List<String>> atKey = new LinkedHashMap<>();
        for (FieldViolation violation : violations) {
            String reason = messages.text(violation.messageKey(), violation.args());
            Matcher key = KEY.matcher(violation.field());
            Matcher node = NODE.matcher(violation.field());
            if (key.matches() && Integer.parseInt(key.group(1)) < form.nodes().size()) {
                int at = Integer.parseInt(key.group(1));
                String digit = key.group(2);
                String said = said(messages, key.group(3), reason);
                summary.add(messages.text("ivrs.at.key", nodeName(form, at, messages), digit) + " · " + said);
                rowsOf(form.nodes().get(at), digit, "ivr.key.twice".equals(violation.messageKey()))
                        .forEach(row -> atKey.computeIfAbsent(at + "." + row, k -> new ArrayList<>()).add(said));
            } else if (node.matches() && Integer.parseInt(node.group(1)) < form.nodes().size()) {
                int at = Integer.parseInt(node.group(1));
                String said = said(messages, node.group(2), reason);
                summary.add(messages.text("ivrs.at.node", nodeName(form, at, messages)) + " · " + said);
                atNode.computeIfAbsent(at, k -> new ArrayList<>()).add(said);
            } else {
                summary.add(said(messages, violation.field(), reason));
            }
        }
        return new IvrFormErrors(summary, atNode, atKey);
    }

    public List<String> forNode(int at) {
        return atNode.getOrDefault(at, List.of());
    }

    public List<String> forKey(int at, int row) {
        return atKey.getOrDefault(at + "." + row, List.of());
    }

    /**
     * The rows holding the digit: the first for what its key does wrong (the tree keeps the first
     * of a digit given twice), every later one for being the second.
     */
    private static List<Integer> rowsOf(IvrTreeForm.NodeFields node, String digit, boolean twice) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < node.keys().size(); row++) {
            IvrTreeForm.KeyFields key = node.keys().get(row);
            if (!key.isBlank() && key.digit().strip().equals(digit)) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return rows;
        }
        return twice ? rows.subList(Math.min(1, rows.size() - 1), rows.size()) : rows.subList(0, 1);
    }

    private static String nodeName(IvrTreeForm form, int at, PageMessages messages) {
        String id = form.nodes().get(at).id();
        return id.isBlank() ? messages.text("ivrs.node-number", at + 1) : id;
    }

    private static String said(PageMessages messages, String field, String reason) {
        return field == null ? reason : messages.text("ivrs.field." + field) + ": " + reason;
    }
}
