package dev.outdial.sip.signal;

import dev.outdial.engine.port.CallId;
import dev.outdial.sip.TrunkAnswer;
import dev.outdial.sip.media.MediaStats;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.message.Request;
import org.slf4j.LoggerFactory;

/** What every leg of one adapter shares: the SIP endpoint, the event thread, the timers, the prompts, the trunk's credentials. */
public interface LegContext {

    SipEndpoint endpoint();

    EventSink events();

    ScheduledExecutorService timers();

    PromptLibrary prompts();

    TrunkAuth trunkAuth();

    /** The carrier's trunks, and which one calls go to now. */
    Trunks trunks();

    /** The address in our SDP. */
    default String publicAddress() {
        return endpoint().settings().publicAddress();
    }

    /** Ends {@code dialog} with a BYE whose answer nobody waits for: the leg has ended on our side already. */
    default void sendBye(Dialog dialog, Object leg) {
        try {
            Request bye = dialog.createRequest(Request.BYE);
            dialog.sendRequest(endpoint().transaction(bye, ResponseHandler.IGNORED));
        } catch (SipException e) {
            LoggerFactory.getLogger(LegContext.class).info("BYE for {} not sent: {}", leg, e.getMessage());
        }
    }

    /** The leg ended: forget it. */
    void forget(Leg leg);

    /**
     * {@code leg}, a customer's through the trunk, ended after it was answered: how their audio, and their agent's
     * while bridged to them, reached Outdial.
     */
    void customerLegEnded(CallId leg, MediaStats media);

    /** {@code leg}, a customer's Outdial dialed through the carrier, ended: what its trunks answered its INVITEs. */
    void trunksAnswered(CallId leg, List<TrunkAnswer> answers);
}
