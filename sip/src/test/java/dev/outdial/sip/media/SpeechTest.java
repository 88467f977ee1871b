package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/**
 * Speech through espeak-ng. Without the program these tests are skipped with a note, unless
 * {@code OUTDIAL_REQUIRE_SPEECH=1} (CI sets it), where a missing espeak-ng fails them.
 */
class SpeechTest {

    @BeforeEach
    void needsEspeak() {
        if (!AudioClip.canSpeak()) {
            if ("1".equals(System.getenv("OUTDIAL_REQUIRE_SPEECH"))) {
                throw new IllegalStateException("espeak-ng is required for the speech tests but is not on the PATH"
                        + " (apt-get install espeak-ng)");
            }
            Assumptions.abort("Speech tests need espeak-ng on the PATH (apt-get install espeak-ng)");
        }
    }

    @Test
    void vietnameseTextBecomesAudibleSpeech() throws IOException {
        AudioClip clip = AudioClip.speak("Xin chào, đây là cuộc gọi từ ngân hàng.", "vi");

        assertThat(clip.duration()).isBetween(Duration.ofMillis(800), Duration.ofSeconds(10));
        assertThat(rms(clip.samples())).as("speech, not silence").isGreaterThan(500);
    }

    @Test
    void aRegionTheVoicesDoNotHaveFallsBackToTheLanguage() throws IOException {
        AudioClip clip = AudioClip.speak("Hello", "en-ZZ");

        assertThat(rms(clip.samples())).isGreaterThan(500);
    }

    @Test
    void textThatLooksLikeAnOptionIsSpokenNotObeyed() throws IOException {
        AudioClip clip = AudioClip.speak("--help -v xx", "en");

        assertThat(rms(clip.samples())).isGreaterThan(500);
    }

    @Test
    void aSpokenHelloIsAPersonAndASpokenVoicemailGreetingAMachine() throws IOException {
        short[] silence = new short[8000 * 2];
        short[] hello = AudioClip.speak("Hello?", "en").samples();
        short[] greeting = AudioClip.speak("Hi, you have reached Anna and Tom. We can't take your call right now,"
                + " please leave a message after the tone.", "en").samples();

        assertThat(GreetingAnalysisTest.listen(SpokenAudio.joined(hello, silence)).answerer())
                .isEqualTo(Answerer.PERSON);
        assertThat(GreetingAnalysisTest.listen(SpokenAudio.joined(greeting, silence)).answerer())
                .isEqualTo(Answerer.MACHINE);
        short[] announcement = AudioClip.speak("We're sorry, the number you have dialed is not in service."
                + " Please check the number and dial again.", "en").samples();
        assertThat(GreetingAnalysisTest.listen(SpokenAudio.joined(SpokenAudio.interceptTones(), announcement))
                .answerer())
                .as("the network's tones before its announcement").isEqualTo(Answerer.NOT_IN_SERVICE);
    }

    @Test
    void speechIsNeverTakenForABeepOrANetworksTonesAndAGreetingIsOverAsTheBeepAfterItEnds() throws IOException {
        for (String[] spoken : new String[][] {{"Hi, you have reached Anna and Tom. Please leave a message after the"
                + " tone, and we will call you back as soon as we can.", "en"},
                {"Ooooh, hellooooo, weeeee are awaaaay. Leeeave a message.", "en-us"},
                {"Xin chào, đây là hộp thư thoại của Lan. Vui lòng để lại lời nhắn sau tiếng bíp.", "vi"}}) {
            short[] greeting = AudioClip.speak(spoken[0], spoken[1]).samples();
            assertThat(BeepsTest.beepEnds(greeting)).as(spoken[0]).isEmpty();
            assertThat(Told.listening(new NetworkTones(), greeting).answerer()).as("no network's tones: " + spoken[0])
                    .isNull();

            short[] beep = SpokenAudio.beep(400);
            int beepEnd = (greeting.length + beep.length) / 8;
            assertThat(BeepsTest.beepEnds(SpokenAudio.joined(greeting, beep, SpokenAudio.silence(1000))))
                    .singleElement().satisfies(told -> assertThat(told).isBetween(beepEnd, beepEnd + 40));
        }
    }

    @Test
    void speechIsNeverTakenForKeysPlayedAsTones() throws IOException {
        List<Character> keys = new ArrayList<>();
        ToneKeys tones = new ToneKeys(keys::add);
        for (String[] spoken : new String[][] {{"Hi, you have reached Anna and Tom. Please leave a message after the"
                + " tone, and we will call you back as soon as we can.", "en"},
                {"Xin chào, đây là cuộc gọi từ ngân hàng. Vui lòng bấm phím một để nói chuyện.", "vi"}}) {
            short[] speech = AudioClip.speak(spoken[0], spoken[1]).samples();
            for (int at = 0; at + 160 <= speech.length; at += 160) {
                tones.heard(Arrays.copyOfRange(speech, at, at + 160), 160);
            }
        }

        assertThat(keys).isEmpty();
    }

    @Test
    void anUnknownLanguageOrUnusableTextIsRefusedClearly() {
        assertThatThrownBy(() -> AudioClip.speak("Hello", "qq")).isInstanceOf(IOException.class)
                .hasMessageContaining("espeak-ng has no voice for 'qq'");
        assertThatThrownBy(() -> AudioClip.speak("Hello", "-v")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a language tag");
        assertThatThrownBy(() -> AudioClip.speak(" ", "en")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioClip.speak("a".repeat(2001), "en")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2000");
    }

    private static double rms(short[] samples) {
        double sum = 0;
        for (short sample : samples) {
            sum += (double) sample * sample;
        }
        return Math.sqrt(sum / samples.length);
    }
}
