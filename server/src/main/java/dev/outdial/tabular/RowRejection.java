package dev.outdial.tabular;

import dev.outdial.shared.FieldViolation;
import java.util.List;

/**
 * Why one row of an imported file was left out (SPEC §4.3: "rows rejected with row number and
 * reason"). The reason is a message key, said in the reader's language where it is shown.
 */
public record RowRejection(int row, String messageKey, List<Object> args) {

    public RowRejection {
        args = List.copyOf(args);
    }

    public static RowRejection of(int row, FieldViolation violation) {
        return new RowRejection(row, violation.messageKey(), List.of(violation.args()));
    }
}
