package dev.outdial.sip.signal;

import java.time.Duration;
import javax.sip.RequestEvent;

/** A leg with a SIP dialog of its own, whichever side called: what arrives in its dialog is routed to it by Call-ID. */
interface DialogLeg extends Leg {

    /** The SIP Call-ID the leg's dialog goes by. */
    String sipCallId();

    /** The far end hung up. */
    void onBye(RequestEvent event);

    /** A re-INVITE or UPDATE in the dialog. */
    void onOffer(RequestEvent event);

    void onAck(RequestEvent event);

    /** The far end gave up before the call was answered; only a leg that was called hears it. */
    void onCancel(RequestEvent event);

    /**
     * Our answer to the far end's INVITE was never acknowledged. Only a leg that was called answers an INVITE that
     * starts its call; a leg Outdial placed answers re-INVITEs only, and a lost ACK of one leaves its call as it was.
     */
    default void onAckNeverCame() {
    }

    /**
     * Ends the answered call, as the far end's hanging up would, where the trunk's side of it has sent no audio for
     * longer than {@code limit} ({@link dev.outdial.sip.media.MediaLeg#farEndSilentLongerThan}): the network lost the call
     * without a BYE. An agent's phone is left alone: it is asked whether it is still there instead.
     */
    void hangUpIfSilent(Duration limit);
}
