package dev.outdial.sip.media;

import java.util.Arrays;
import java.util.Optional;

/** What a hearing told once audio was heard in packets of 20 ms, and after how long (ms); null where it told nothing. */
record Told(Answerer answerer, int afterMs) {

    static Told listening(Hearing<Answerer> hearing, short[] audio) {
        for (int at = 0; at < audio.length; at += 160) {
            short[] packet = Arrays.copyOfRange(audio, at, Math.min(audio.length, at + 160));
            Optional<Answerer> told = hearing.heard(packet, packet.length);
            if (told.isPresent()) {
                return new Told(told.get(), (at + packet.length) / 8);
            }
        }
        return new Told(null, audio.length / 8);
    }
}
