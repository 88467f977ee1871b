package dev.outdial.shared;

import java.util.Map;

/**
 * The request is well formed but the object's state does not allow it (a wrong lifecycle
 * transition, a name already taken, removing the last admin). Answered 409; {@code properties}
 * travel in the problem detail, e.g. the current status.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;
    private final Map<String, Object> properties;

    public ConflictException(String messageKey, Object[] args, Map<String, Object> properties) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
        this.properties = Map.copyOf(properties);
    }

    public ConflictException(String messageKey, Object... args) {
        this(messageKey, args, Map.of());
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
