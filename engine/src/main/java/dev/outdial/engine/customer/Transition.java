package dev.outdial.engine.customer;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link CustomerLifecycle}: either the customer's new state and the events it
 * caused, or a rejection that names why the input does not apply to the customer's state.
 *
 * <p>Rejections are values, not exceptions, so that a caller racing another (two agents, a lease
 * and a late call end) can decide what to do; {@link #orElseThrow()} is there for callers for
 * whom a rejection is a bug.
 */
public sealed interface Transition {

    /** The state after the input: the new state if applied, the unchanged one if rejected. */
    CustomerState state();

    /** The input applied: the new state and what it caused. */
    record Applied(CustomerState state, List<CustomerEvent> events) implements Transition {
        public Applied {
            Objects.requireNonNull(state, "state");
            events = List.copyOf(events);
        }
    }

    /** The input does not apply to the customer's state; the state is unchanged. */
    record Rejected(CustomerState state, CustomerInput input, String reason) implements Transition {
        public Rejected {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(reason, "reason");
        }
    }

    static Applied applied(CustomerState state, CustomerEvent... events) {
        return new Applied(state, List.of(events));
    }

    static Rejected rejected(CustomerState state, CustomerInput input, String reason) {
        return new Rejected(state, input, reason);
    }

    default boolean isApplied() {
        return this instanceof Applied;
    }

    /** The applied transition, or an {@link IllegalStateException} carrying the rejection's reason. */
    default Applied orElseThrow() {
        return switch (this) {
            case Applied applied -> applied;
            case Rejected rejected -> throw new IllegalStateException(
                    rejected.input().getClass().getSimpleName() + " rejected: " + rejected.reason());
        };
    }
}
