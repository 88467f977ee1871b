package dev.outdial.ivr;

import java.util.List;
import java.util.Optional;

/** A saved IVR; its tree is valid (see {@link IvrTreeRules}). */
public record Ivr(long id, String name, String root, List<IvrNode> nodes) {

    public Optional<IvrNode> node(String nodeId) {
        return nodes.stream().filter(node -> node.id().equals(nodeId)).findFirst();
    }
}
