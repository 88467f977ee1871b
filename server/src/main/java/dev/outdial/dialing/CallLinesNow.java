package dev.outdial.dialing;

import dev.outdial.call.CallActivity;
import dev.outdial.call.CallView;
import dev.outdial.dialing.internal.LiveTelephony;
import dev.outdial.dialing.internal.MeasuredAudio;
import dev.outdial.dialing.internal.SipAdapter;
import dev.outdial.engine.port.CallId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * How the audio of the calls up reaches Outdial now, each side's so far (real calls; nothing with the simulated
 * carrier): what the "Calls now" panel shows beside each call, so a supervisor sees a bad line while it is bad. Read
 * on the node that runs the calls, as the panel is.
 */
@Service
public class CallLinesNow {

    private final LiveTelephony telephony;

    CallLinesNow(LiveTelephony telephony) {
        this.telephony = telephony;
    }

    /** The calls of {@code up} whose audio came, by call id. */
    public Map<String, CallActivity.Quality> of(List<CallView> up) {
        Optional<SipAdapter> sip = telephony.sipAdapter();
        if (sip.isEmpty()) {
            return Map.of();
        }
        Map<String, CallActivity.Quality> lines = new HashMap<>();
        for (CallView call : up) {
            sip.get().qualityNow(new CallId(call.id()))
                    .ifPresent(measured -> lines.put(call.id(), MeasuredAudio.quality(measured)));
        }
        return lines;
    }
}
