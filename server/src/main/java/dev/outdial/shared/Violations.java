package dev.outdial.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every broken rule of a request before answering, so a user fixes a form in one go
 * instead of one field per round trip.
 */
public final class Violations {

    private final List<FieldViolation> found = new ArrayList<>();

    public Violations add(String field, String messageKey, Object... args) {
        found.add(new FieldViolation(field, messageKey, args));
        return this;
    }

    /** Records the violation when {@code broken} holds; returns whether the rule held. */
    public boolean check(boolean holds, String field, String messageKey, Object... args) {
        if (!holds) {
            add(field, messageKey, args);
        }
        return holds;
    }

    public boolean has(String field) {
        return found.stream().anyMatch(violation -> violation.field().equals(field));
    }

    /** What was found so far, e.g. to report a rejected row of an import instead of failing the file. */
    public List<FieldViolation> list() {
        return List.copyOf(found);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
