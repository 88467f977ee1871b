package dev.outdial.engine.ivr;

import java.util.List;
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
        return new IvrTree(root, nodes.stream().map(node -> new IvrNode(node.id(), node.type(), node.prompt(),
                node.audioId(), node.timeoutSeconds(), node.retries(), node.next(),
                node.keys() == null ? null : node.keys().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        java.util.Map.Entry::getKey,
                        key -> key.getValue() == null || key.getValue().result() == null ? key.getValue()
                                : new IvrKey(key.getValue().action(), key.getValue().target(),
                                        replace.apply(key.getValue().result())),
                        (a, b) -> a, java.util.LinkedHashMap::new)))).toList());
    }
}
