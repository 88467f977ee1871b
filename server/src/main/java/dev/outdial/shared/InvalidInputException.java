package dev.outdial.shared;

import java.util.List;

/** A request whose fields break the rules; answered 400 with one entry per field. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super("Invalid input: " + violations.stream().map(FieldViolation::field).toList());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(new FieldViolation(field, messageKey, args)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
