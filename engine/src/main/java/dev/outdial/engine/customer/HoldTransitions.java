package dev.outdial.engine.customer;

import static dev.outdial.engine.customer.Transition.applied;
import static dev.outdial.engine.customer.Transition.rejected;

import java.util.EnumSet;
import java.util.Set;

/**
 * Pause, blacklist and DNC: holds placed over the customer's progress and lifted again.
 *
 * <p>"Pause keeps the customer's state; start returns it to where it was." "A number removed from
 * the list returns to the status it would otherwise have." Both follow from holds leaving the
 * progress untouched; see {@link CustomerState#status()}.
 */
final class HoldTransitions {

    private HoldTransitions() {
    }

    static Transition pause(CustomerState state, CustomerInput.Paused input) {
        if (state.holds().contains(Hold.PAUSE)) {
            return rejected(state, input, "the customer is already paused");
        }
        return place(state, Hold.PAUSE);
    }

    static Transition start(CustomerState state, CustomerInput.Started input) {
        if (!state.holds().contains(Hold.PAUSE)) {
            return rejected(state, input, "only a paused customer is started; the customer is " + state.status());
        }
        return lift(state, Hold.PAUSE);
    }

    /** The number is on a list: idempotent, because lists are synced and facts repeat. */
    static Transition listed(CustomerState state, Hold list) {
        return state.holds().contains(list) ? applied(state) : place(state, list);
    }

    /** The number is off a list: idempotent, because lists are synced and facts repeat. */
    static Transition unlisted(CustomerState state, Hold list) {
        return state.holds().contains(list) ? lift(state, list) : applied(state);
    }

    private static Transition place(CustomerState state, Hold hold) {
        Set<Hold> holds = EnumSet.of(hold);
        holds.addAll(state.holds());
        return applied(state.withHolds(holds), new CustomerEvent.HoldPlaced(hold));
    }

    private static Transition lift(CustomerState state, Hold hold) {
        Set<Hold> holds = EnumSet.noneOf(Hold.class);
        holds.addAll(state.holds());
        holds.remove(hold);
        return applied(state.withHolds(holds), new CustomerEvent.HoldLifted(hold));
    }
}
