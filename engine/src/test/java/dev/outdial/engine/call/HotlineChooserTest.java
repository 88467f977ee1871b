package dev.outdial.engine.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.CallResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HotlineChooserTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final List<String> HOTLINES = List.of("+842800000000", "+842800000001", "+842800000002");

    @Test
    void campaignsWithoutRotationUseTheirHotlinesInTurnAndNeverSkipOne() {
        HotlineChooser chooser = HotlineChooser.inTurn(HOTLINES);
        chooser.ended(HOTLINES.get(1), CallResult.HOTLINE_ERROR, NINE);

        assertThat(List.of(chooser.next(NINE).orElseThrow(), chooser.next(NINE).orElseThrow(),
                chooser.next(NINE).orElseThrow())).isEqualTo(HOTLINES);
    }

    @Test
    void aRandomRotationUsesEveryHotlineButOneThatFailedUntilItsSkipIsOver() {
        HotlineChooser chooser = HotlineChooser.rotating(HOTLINES, AutocallSettings.Rotation.RANDOM,
                Duration.ofMinutes(5), new Random(1));
        chooser.ended(HOTLINES.get(1), CallResult.HOTLINE_ERROR, NINE);

        Set<String> duringSkip = new HashSet<>();
        Set<String> afterSkip = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            duringSkip.add(chooser.next(NINE.plus(Duration.ofMinutes(4))).orElseThrow());
            afterSkip.add(chooser.next(NINE.plus(Duration.ofMinutes(5))).orElseThrow());
        }

        assertThat(duringSkip).containsExactlyInAnyOrder(HOTLINES.get(0), HOTLINES.get(2));
        assertThat(afterSkip).containsExactlyInAnyOrderElementsOf(HOTLINES);
    }

    @Test
    void aSingleHotlineThatFailedLeavesNothingToCallFromUntilItsSkipIsOver() {
        HotlineChooser chooser = HotlineChooser.rotating(HOTLINES, AutocallSettings.Rotation.SINGLE,
                Duration.ofMinutes(5), new Random(1));
        chooser.ended(HOTLINES.get(0), CallResult.NOANSWER, NINE);
        assertThat(chooser.next(NINE)).contains(HOTLINES.get(0));

        chooser.ended(HOTLINES.get(0), CallResult.HOTLINE_ERROR, NINE);

        assertThat(chooser.next(NINE.plusSeconds(1))).isEmpty();
        assertThat(chooser.allSkippedUntil(NINE.plusSeconds(1))).contains(NINE.plus(Duration.ofMinutes(5)));
        assertThat(chooser.next(NINE.plus(Duration.ofMinutes(5)))).contains(HOTLINES.get(0));
    }

    @Test
    void hotlinesReplacedWhileRunningAreUsedAtOnceAndAKeptOneStaysSkipped() {
        HotlineChooser chooser = HotlineChooser.rotating(HOTLINES, AutocallSettings.Rotation.RANDOM,
                Duration.ofMinutes(5), new Random(1));
        chooser.ended(HOTLINES.get(0), CallResult.HOTLINE_ERROR, NINE);
        chooser.ended(HOTLINES.get(1), CallResult.HOTLINE_ERROR, NINE);

        chooser.replace(List.of(HOTLINES.get(1), "+842800000009"));

        Set<String> used = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            used.add(chooser.next(NINE.plusSeconds(1)).orElseThrow());
        }
        assertThat(used).as("the one kept is still skipped, the new one is used").containsExactly("+842800000009");

        chooser.replace(List.of(HOTLINES.get(0)));
        assertThat(chooser.next(NINE.plusSeconds(2))).as("one that left the list and came back is tried at once")
                .contains(HOTLINES.get(0));
    }

    @Test
    void withEveryHotlineGoneNothingIsDialedUntilOneComesBack() {
        HotlineChooser chooser = HotlineChooser.inTurn(HOTLINES);

        chooser.replace(List.of());

        assertThat(chooser.hasAny()).isFalse();
        assertThat(chooser.next(NINE)).isEmpty();
        assertThat(chooser.allSkippedUntil(NINE)).as("nothing to wait for: only an edit brings one back").isEmpty();

        chooser.replace(List.of(HOTLINES.get(2)));
        assertThat(chooser.hasAny()).isTrue();
        assertThat(chooser.next(NINE)).contains(HOTLINES.get(2));
    }

    @Test
    void aSingleRotationGivenSeveralHotlinesCallsFromTheFirstOnly() {
        HotlineChooser chooser = HotlineChooser.rotating(List.of(), AutocallSettings.Rotation.SINGLE,
                Duration.ofMinutes(5), new Random(1));
        assertThat(chooser.next(NINE)).isEmpty();

        chooser.replace(HOTLINES);

        assertThat(List.of(chooser.next(NINE).orElseThrow(), chooser.next(NINE).orElseThrow()))
                .containsOnly(HOTLINES.get(0));
    }
}
