package dev.outdial.shared;

import java.util.Map;
import java.util.Set;

/**
 * The request is well formed but the object's state does not allow it (a wrong lifecycle
 * transition, a name already taken, removing the last admin). Answered 409; {@code properties}
 * travel in the problem detail, e.g. the {@code currentStatus}. They never reuse an RFC 9457 member
 * name: a second {@code status} key would hide the HTTP status from the client.
 */
public class ConflictException extends RuntimeException {

    private static final Set<String> PROBLEM_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private final String messageKey;
    private final Object[] args;
    private final Map<String, Object> properties;

    public ConflictException(String messageKey, Object[] args, Map<String, Object> properties) {
        super(messageKey);
        properties.keySet().stream().filter(PROBLEM_MEMBERS::contains).findFirst().ifPresent(member -> {
            throw new IllegalArgumentException("A conflict's property may not be named " + member);
        });
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
