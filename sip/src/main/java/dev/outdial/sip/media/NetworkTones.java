package dev.outdial.sip.media;

import java.util.Optional;

/**
 * What a network's own audio says while a call rings (its early media), where it plays a tone instead of a final
 * response: special information tones before an announcement ({@link SpecialInformationTones}), or a busy or
 * congestion tone ({@link BusyTones}). Ring-back tones and announcements alone say nothing. Not thread-safe: one
 * thread feeds it.
 */
final class NetworkTones implements Hearing<Answerer> {

    private final SpecialInformationTones informationTones = new SpecialInformationTones();
    private final BusyTones busyTones = new BusyTones();

    @Override
    public Optional<Answerer> heard(short[] samples, int count) {
        boolean voiced = Hearing.voiced(samples, count);
        double tone = voiced ? Beeps.toneOf(samples, count) : 0;
        Optional<Answerer> announced = informationTones.block(tone, count / 8);
        Optional<Answerer> beaten = busyTones.block(voiced && BusyTones.isTone(samples, count, tone), count / 8);
        return announced.or(() -> beaten);
    }

    @Override
    public Optional<Answerer> silence(int ms) {
        Optional<Answerer> announced = informationTones.silence(ms);
        Optional<Answerer> beaten = busyTones.silence(ms);
        return announced.or(() -> beaten);
    }
}
