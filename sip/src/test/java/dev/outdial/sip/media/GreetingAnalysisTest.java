package dev.outdial.sip.media;

import static dev.outdial.sip.media.SpokenAudio.joined;
import static dev.outdial.sip.media.SpokenAudio.recordedGreeting;
import static dev.outdial.sip.media.SpokenAudio.silence;
import static dev.outdial.sip.media.SpokenAudio.voice;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GreetingAnalysisTest {

    /** What the analysis says once {@code audio} has been heard in packets of 20 ms, and after how long. */
    static Told listen(short[] audio) {
        return Told.listening(new GreetingAnalysis(), audio);
    }

    @Test
    void aHelloAndThenSilenceIsAPersonOnceTheSilenceHasLasted() {
        Told heard = listen(joined(silence(400), voice(500), silence(3000)));

        assertThat(heard.answerer()).isEqualTo(Answerer.PERSON);
        assertThat(heard.afterMs()).as("the hello's end plus the silence after a greeting")
                .isEqualTo(400 + 500 + GreetingAnalysis.AFTER_GREETING_SILENCE_MS);
    }

    @Test
    void aBeepAloneOrAfterAGreetingShortEnoughForAHelloIsAMachine() {
        Told beepOnly = listen(joined(silence(300), SpokenAudio.beep(400), silence(3000)));
        Told shortGreeting = listen(joined(voice(600), silence(200), SpokenAudio.beep(300), silence(3000)));

        assertThat(beepOnly.answerer()).isEqualTo(Answerer.MACHINE);
        assertThat(beepOnly.afterMs()).as("as the beep ends, once no second tone follows: a 1 kHz tone of 400 ms may be"
                + " a network's first special information tone")
                .isBetween(700, 700 + 40 + SpecialInformationTones.LONGEST_GAP_MS);
        assertThat(shortGreeting.answerer()).isEqualTo(Answerer.MACHINE);
    }

    @Test
    void aNetworksSpecialInformationTonesAndAnnouncementAreWhatTheyAnnounceNotAMachine() {
        Random random = new Random(3);
        short[] intercept = SpecialInformationTonesTest.sit(random, 913.8, 274, 1370.6, 274);
        short[] noCircuit = SpecialInformationTonesTest.sit(random, 985.2, 380, 1428.5, 380);

        assertThat(listen(joined(silence(200), intercept)).answerer()).isEqualTo(Answerer.NOT_IN_SERVICE);
        assertThat(listen(noCircuit).answerer()).isEqualTo(Answerer.CONGESTION);
        assertThat(listen(joined(voice(400), silence(200), intercept)).answerer()).as("after a word of the network's")
                .isEqualTo(Answerer.NOT_IN_SERVICE);
    }

    @Test
    void aBusyToneAfterTheAnswerIsBusyNotAMachineButALowBeepAloneIsStillAMachine() {
        Told busy = listen(joined(silence(200), SpokenAudio.busyTone(6000)));
        Told northAmerican = listen(BusyTonesTest.cadence(500, 500, 6000, 480, 620));
        Told lowBeep = listen(joined(silence(300), Tone.sine(425, 8000, 8 * 500, 6000), silence(3000)));

        assertThat(busy.answerer()).isEqualTo(Answerer.BUSY);
        assertThat(busy.afterMs()).as("within the analysis' time").isLessThan(GreetingAnalysis.MAX_ANALYSIS_MS);
        assertThat(northAmerican.answerer()).isEqualTo(Answerer.BUSY);
        assertThat(lowBeep.answerer()).isEqualTo(Answerer.MACHINE);
        assertThat(lowBeep.afterMs()).as("once no beat of a busy tone follows").isBetween(800, 800 + 40
                + BusyTones.LONGEST_BEAT_MS + BusyTones.SETTLED_MS);
    }

    @Test
    void aHelloSaidTwiceIsStillAPerson() {
        assertThat(listen(joined(voice(400), silence(300), voice(400), silence(2000))).answerer())
                .isEqualTo(Answerer.PERSON);
    }

    @Test
    void aGreetingOfManyWordsIsAMachineBeforeItEnds() {
        Told heard = listen(joined(silence(300), recordedGreeting(12), silence(2000)));

        assertThat(heard.answerer()).isEqualTo(Answerer.MACHINE);
        assertThat(heard.afterMs()).as("told by its fourth word, long before its end").isLessThan(2000);
    }

    @Test
    void oneLongUtteranceIsAMachineOnceItOutlastsAPersonsGreeting() {
        Told heard = listen(joined(voice(4000), silence(1000)));

        assertThat(heard.answerer()).isEqualTo(Answerer.MACHINE);
        assertThat(heard.afterMs()).isBetween(GreetingAnalysis.MAX_GREETING_MS, GreetingAnalysis.MAX_GREETING_MS + 40);
    }

    @Test
    void silenceIsNotSureAndClicksAreNoWords() {
        Told silent = listen(silence(4000));
        Told clicks = listen(joined(silence(500), voice(60), silence(700), voice(40), silence(3000)));

        assertThat(silent.answerer()).isEqualTo(Answerer.NOT_SURE);
        assertThat(silent.afterMs()).isEqualTo(GreetingAnalysis.INITIAL_SILENCE_MS);
        assertThat(clicks.answerer()).isEqualTo(Answerer.NOT_SURE);
    }

    @Test
    void aGapInTheFarEndsPacketsIsSilence() {
        GreetingAnalysis analysis = new GreetingAnalysis();
        short[] hello = voice(300);
        for (int at = 0; at < hello.length; at += 160) {
            assertThat(analysis.heard(Arrays.copyOfRange(hello, at, at + 160), 160)).isEmpty();
        }

        assertThat(analysis.silence(GreetingAnalysis.AFTER_GREETING_SILENCE_MS - 20)).isEmpty();
        assertThat(analysis.silence(20)).contains(Answerer.PERSON);
        assertThat(analysis.heard(voice(20), 160)).as("the verdict stands").contains(Answerer.PERSON);
    }
}
