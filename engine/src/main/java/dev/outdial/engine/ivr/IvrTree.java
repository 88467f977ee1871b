package dev.outdial.engine.ivr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An IVR's tree as the engine runs it: the root node's id and the nodes. The server has checked it
 * (no dangling or unreachable node, keys once per node, no loop that never waits for the caller).
 */
public record IvrTree(String root, List<IvrNode> nodes) {

    public IvrTree {
        Objects.requireNonNull(root, "root");
        nodes = List.copyOf(nodes);
    }

    public Optional<IvrNode> node(String nodeId) {
        return nodes.stream().filter(node -> node.id().equals(nodeId)).findFirst();
    }

    IvrNode nodeOrThrow(String nodeId) {
        return node(nodeId).orElseThrow(() -> new IllegalStateException("the IVR has no node " + nodeId));
    }

    /**
     * The same tree with every SET_RESULT's result replaced: the admin names a classification by its
     * code, the call records keep its id.
     */
    public IvrTree withResults(UnaryOperator<String> replace) {
        return new IvrTree(root, nodes.stream().map(node -> node.keys() == null ? node
                : new IvrNode(node.id(), node.type(), node.prompt(), node.audioId(), node.timeoutSeconds(), node.retries(),
                        node.next(), withResults(node.keys(), replace))).toList());
    }

    private static Map<String, IvrKey> withResults(Map<String, IvrKey> keys, UnaryOperator<String> replace) {
        Map<String, IvrKey> replaced = new LinkedHashMap<>();
        keys.forEach((pressed, key) -> replaced.put(pressed, key == null || key.result() == null ? key
                : new IvrKey(key.action(), key.target(), replace.apply(key.result()))));
        return replaced;
    }
}
