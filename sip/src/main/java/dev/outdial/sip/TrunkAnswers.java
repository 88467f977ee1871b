package dev.outdial.sip;

import dev.outdial.engine.port.CallId;
import java.util.List;

/** Where what the carrier's trunks answered each call Outdial placed through them is told, once the call has ended. */
@FunctionalInterface
public interface TrunkAnswers {

    /** Told to nobody. */
    TrunkAnswers NONE = (call, answers) -> { };

    /**
     * {@code call}, dialed through the carrier, ended: its trunks' final answers to its INVITEs, in the order they
     * came (a challenge before the answer to the INVITE sent again with credentials; the first trunk's failure before
     * the backup's answer). Told on the SIP side's thread, so it must return at once; a call whose INVITE never left
     * is told too, with the reason it did not.
     */
    void answered(CallId call, List<TrunkAnswer> answers);
}
