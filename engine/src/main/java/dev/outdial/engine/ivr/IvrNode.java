package dev.outdial.engine.ivr;

import java.util.Map;

/**
 * One node of the tree. {@code prompt} is text to speak, {@code audioId} a file to play (one of
 * them is needed on PLAY). {@code next} is where PLAY goes afterwards and where COLLECT goes when
 * the caller pressed nothing valid after its retries; without it the call hangs up.
 */
public record IvrNode(String id, IvrNodeType type, String prompt, Long audioId, Integer timeoutSeconds,
                      Integer retries, String next, Map<String, IvrKey> keys) {

    public Map<String, IvrKey> keysOrEmpty() {
        return keys == null ? Map.of() : keys;
    }
}
