package dev.outdial.sip.media;

import java.util.Optional;

/**
 * What a network's own audio says while a call rings (its early media), where it plays a tone instead of a final
 * response: special information tones before an announcement ({@link SpecialInformationTones}), or a busy or
 * congestion tone ({@link BusyTones}). Ring-back tones and announcements alone say nothing. Heard after an answer
 * too ({@link GreetingAnalysis}), where a network or a PBX answered to play them. Not thread-safe: one thread feeds
 * it.
 */
final class NetworkTones implements Hearing<Answerer> {

    private final SpecialInformationTones informationTones = new SpecialInformationTones();
    private final BusyTones busyTones = new BusyTones();

    @Override
    public Optional<Answerer> heard(short[] samples, int count) {
        boolean voiced = Hearing.voiced(samples, count);
        double tone = voiced ? Beeps.toneOf(samples, count) : 0;
        return block(tone, voiced && BusyTones.isTone(samples, count, tone), count / 8);
    }

    @Override
    public Optional<Answerer> silence(int ms) {
        return block(0, false, ms);
    }

    /**
     * {@code ms} of audio heard next, whose one tone is {@code tone} (0: none) and which is a busy or congestion tone's
     * or not ({@link BusyTones#isTone}); what the network's tones say once they tell.
     */
    Optional<Answerer> block(double tone, boolean busyTone, int ms) {
        Optional<Answerer> announced = informationTones.block(tone, ms);
        Optional<Answerer> beaten = busyTones.block(busyTone, ms);
        return announced.or(() -> beaten);
    }

    /** Whether the tones heard last may be the network's, whose end would tell: a beep now is not yet a machine's. */
    boolean underway() {
        return informationTones.underway() || busyTones.underway();
    }
}
