package dev.outdial.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.call.CallActivity.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call's hold time is summed from its steps, whatever order the agent's clicks reached them in. */
class CallActivityTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void holdsAreSummedEachFromItsHoldToTheNextTakeOffOrTheCallsEnd() {
        CallActivity activity = CallActivity.of("c", List.of(step(10, Kind.HOLD), step(15, Kind.RECORDING_PAUSED),
                step(40, Kind.UNHOLD), step(50, Kind.HOLD)), at(65));

        assertThat(activity.heldMillis()).isEqualTo(45_000);
        assertThat(activity.holds()).isEqualTo(2);
        assertThat(activity.heldSince()).contains(at(50));
    }

    @Test
    void aSecondHoldWhileHeldAndATakeOffWhileNotHeldChangeNothing() {
        CallActivity activity = CallActivity.of("c", List.of(step(5, Kind.UNHOLD), step(10, Kind.HOLD),
                step(12, Kind.HOLD), step(20, Kind.UNHOLD), step(25, Kind.UNHOLD)), at(90));

        assertThat(activity.heldMillis()).isEqualTo(10_000);
        assertThat(activity.holds()).isEqualTo(1);
        assertThat(activity.heldSince()).isEmpty();
    }

    @Test
    void theCustomerIsOnHoldWhileOutdialOrTheAgentsPhoneHoldsThemCountedOnce() {
        CallActivity activity = CallActivity.of("c", List.of(step(10, Kind.HOLD), byPhone(20, Kind.HOLD),
                step(30, Kind.UNHOLD), byPhone(45, Kind.UNHOLD), byPhone(60, Kind.HOLD), step(70, Kind.HOLD),
                byPhone(80, Kind.UNHOLD)), at(100));

        assertThat(activity.heldMillis()).as("10–45 s and 60–100 s").isEqualTo(75_000);
        assertThat(activity.holds()).isEqualTo(2);
        assertThat(activity.heldSince()).as("the page's hold still on after the phone took its own off")
                .contains(at(60));
    }

    @Test
    void thePhoneTakingOffItsHoldLeavesOutdialsOn() {
        CallActivity activity = CallActivity.of("c", List.of(step(10, Kind.HOLD), byPhone(20, Kind.UNHOLD)), at(30));

        assertThat(activity.heldSince()).contains(at(10));
        assertThat(activity.heldMillis()).isEqualTo(20_000);
    }

    @Test
    void theAgentIsNotShownWhoListenedIn() {
        CallActivity activity = CallActivity.of("c", List.of(step(1, Kind.LISTENING_STARTED), step(2, Kind.HOLD),
                step(3, Kind.LISTENING_CHANGED)), at(4));

        assertThat(activity.withoutListening().steps()).extracting(CallActivity.Step::kind).containsExactly(Kind.HOLD);
        assertThat(activity.withoutListening().heldMillis()).isEqualTo(2_000);
    }

    private static CallActivity.Step step(int second, Kind kind) {
        return new CallActivity.Step(at(second), kind, 7, "Anna", null, false);
    }

    private static CallActivity.Step byPhone(int second, Kind kind) {
        return new CallActivity.Step(at(second), kind, 7, "Anna", null, true);
    }

    private static Instant at(int second) {
        return START.plusSeconds(second);
    }
}
