package dev.outdial.dialing.internal;

import dev.outdial.ivr.SpokenPrompts;
import dev.outdial.sip.Speech;
import org.springframework.stereotype.Component;

/** The simulated carrier "speaks" any text; real calls speak it with espeak-ng, if it is installed. */
@Component
class TelephonySpeech implements SpokenPrompts {

    private final TelephonyMode mode;

    TelephonySpeech(TelephonyProperties telephony) {
        this.mode = telephony.telephonyMode();
    }

    @Override
    public boolean canSpeak() {
        return mode == TelephonyMode.SIM || Speech.available();
    }
}
