package dev.outdial.ivr;

import dev.outdial.engine.ivr.IvrNode;
import java.util.List;

/** An IVR as the admin sends it: {@code {"name", "root", "nodes": [...]}}. */
public record IvrDraft(String name, String root, List<IvrNode> nodes) {
}
