package dev.outdial.ivr;

import dev.outdial.engine.ivr.IvrNode;
import dev.outdial.engine.ivr.IvrTree;
import java.util.List;
import java.util.Optional;

/** A saved IVR; its tree is valid (see {@link IvrTreeRules}). */
public record Ivr(long id, String name, String root, List<IvrNode> nodes) {

    public Optional<IvrNode> node(String nodeId) {
        return nodes.stream().filter(node -> node.id().equals(nodeId)).findFirst();
    }

    /** The tree as the engine runs it (and {@code IvrWalk} walks it). */
    public IvrTree tree() {
        return new IvrTree(root, nodes);
    }
}
