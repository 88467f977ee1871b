package dev.outdial.sip.media;

import static dev.outdial.sip.media.SpokenAudio.beep;
import static dev.outdial.sip.media.SpokenAudio.joined;
import static dev.outdial.sip.media.SpokenAudio.recordedGreeting;
import static dev.outdial.sip.media.SpokenAudio.silence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GreetingEndTest {

    /** After how many ms of {@code audio}, in packets of 20 ms, the greeting is over; empty if never. */
    private static OptionalInt overAfter(short[] audio) {
        GreetingEnd end = new GreetingEnd();
        for (int at = 0; at < audio.length; at += 160) {
            short[] packet = Arrays.copyOfRange(audio, at, Math.min(audio.length, at + 160));
            if (end.heard(packet, packet.length).isPresent()) {
                return OptionalInt.of((at + packet.length) / 8);
            }
        }
        return OptionalInt.empty();
    }

    @Test
    void theGreetingIsOverAsItsBeepEndsAndNotInThePausesBetweenItsWords() {
        short[] greeting = recordedGreeting(12);
        short[] beep = beep(500);
        int beepEnd = (greeting.length + beep.length) / 8 + 400;

        OptionalInt over = overAfter(joined(greeting, silence(400), beep, silence(3000)));

        assertThat(over.orElseThrow()).isBetween(beepEnd, beepEnd + 40);
    }

    @Test
    void withoutABeepTheGreetingIsOverASecondIntoTheSilenceAfterIt() {
        short[] greeting = recordedGreeting(12);

        int lastWordEnd = greeting.length / 8 - 120; // the greeting's last pause ends it

        OptionalInt over = overAfter(joined(greeting, silence(3000)));

        assertThat(over.orElseThrow()).isBetween(lastWordEnd + GreetingEnd.SILENCE_AFTER_MS,
                lastWordEnd + GreetingEnd.SILENCE_AFTER_MS + 20);
    }

    @Test
    void aBeepFollowedByALineNeverQuietIsOverAsTheBeepEndsNotThirtySecondsLater() {
        short[] greeting = recordedGreeting(12);
        int beepEnd = greeting.length / 8 + 400 + 500;

        OptionalInt over = overAfter(joined(greeting, silence(400), beep(500), SpokenAudio.hum(10_000)));

        assertThat(over.orElseThrow()).isBetween(beepEnd, beepEnd + 40);
    }

    @Test
    void aGreetingThatNeverPausesIsOverAtTheLatestAfterThirtySeconds() {
        assertThat(overAfter(SpokenAudio.voice(40_000))).hasValue(GreetingEnd.LONGEST_MS);
    }
}
