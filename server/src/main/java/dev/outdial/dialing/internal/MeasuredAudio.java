package dev.outdial.dialing.internal;

import dev.outdial.call.CallActivity;
import dev.outdial.sip.AudioQuality;
import dev.outdial.sip.CallQuality;

/** A call's audio as the SIP side measured it, in the call module's terms ({@link CallActivity.Quality}). */
public final class MeasuredAudio {

    private MeasuredAudio() {
    }

    public static CallActivity.Quality quality(CallQuality measured) {
        return new CallActivity.Quality(audio(measured.customer()),
                measured.agent() == null ? null : audio(measured.agent()));
    }

    private static CallActivity.Audio audio(AudioQuality measured) {
        return new CallActivity.Audio(measured.packetsExpected(), measured.packetsLost(), measured.meanJitterMillis(),
                measured.maxJitterMillis(), measured.roundTripMillis(), measured.meanOpinionScore());
    }
}
