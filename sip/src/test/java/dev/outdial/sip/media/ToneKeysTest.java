package dev.outdial.sip.media;

import static dev.outdial.sip.media.SpokenAudio.beep;
import static dev.outdial.sip.media.SpokenAudio.joined;
import static dev.outdial.sip.media.SpokenAudio.recordedGreeting;
import static dev.outdial.sip.media.SpokenAudio.silence;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToneKeysTest {

    private final List<Character> keys = new ArrayList<>();
    private final ToneKeys tones = new ToneKeys(keys::add);

    private void hear(short[] audio) {
        for (int at = 0; at < audio.length; at += 160) {
            short[] packet = Arrays.copyOfRange(audio, at, Math.min(audio.length, at + 160));
            tones.heard(packet, packet.length);
        }
    }

    @Test
    void everyKeyPressedInTheAudioIsHeardOnce() {
        String pressed = "123A456B789C*0#D";
        for (char key : pressed.toCharArray()) {
            hear(joined(SpokenAudio.dtmf(key, 100), silence(60)));
        }

        assertThat(keys).containsExactlyElementsOf(pressed.chars().mapToObj(c -> (char) c).toList());
    }

    @Test
    void aKeyHeldLongIsOnePressAndTheSameKeyAgainAfterAPauseIsAnother() {
        hear(joined(SpokenAudio.dtmf('5', 800), silence(60), SpokenAudio.dtmf('5', 60), silence(100)));

        assertThat(keys).containsExactly('5', '5');
    }

    @Test
    void aToneTooShortToBeAKeyIsNone() {
        hear(joined(SpokenAudio.dtmf('7', 20), silence(100)));

        assertThat(keys).isEmpty();
    }

    @Test
    void speechABeepAndALinesHissAreNoKeys() {
        hear(joined(recordedGreeting(30), beep(500), silence(1000)));

        assertThat(keys).isEmpty();
    }
}
