package dev.outdial.dialing.internal;

import dev.outdial.business.Businesses;
import dev.outdial.engine.inbound.QueueRules;
import dev.outdial.inbound.InboundCalls;
import dev.outdial.inbound.QueueRoute;
import dev.outdial.sip.IncomingCall;
import dev.outdial.shared.PhoneNumbers;
import dev.outdial.shared.Violations;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Calls the SIP trunk brings in (sip mode): each goes to the inbound queue whose number the caller dialed, and waits
 * there as a simulated caller would. A number no queue has is refused 404. A business is taken on the node that paces
 * it, where its agents work: one nobody paces is paced here from this call on (the heartbeat keeps its lease while its
 * queues have numbers), and one another node paces is refused 503, so a trunk with several nodes as targets tries the
 * next.
 */
@Component
class TrunkCallRouting {

    private static final Logger LOG = LoggerFactory.getLogger(TrunkCallRouting.class);

    private final InboundCalls calls;
    private final LiveDialers dialers;
    private final LiveSwitchboards switchboards;
    private final EngineThread engine;
    private final Businesses businesses;

    TrunkCallRouting(LiveTelephony telephony, InboundCalls calls, LiveDialers dialers, LiveSwitchboards switchboards,
                     EngineThread engine, Businesses businesses) {
        this.calls = calls;
        this.dialers = dialers;
        this.switchboards = switchboards;
        this.engine = engine;
        this.businesses = businesses;
        telephony.sipAdapter().ifPresent(sip -> sip.receiveCalls(this::route));
    }

    void route(IncomingCall call) {
        Optional<QueueRoute> route = calls.routeOf(call.dialedNumber());
        if (route.isEmpty()) {
            LOG.info("A call to {} refused: no queue has the number", call.dialedNumber());
            call.refuse(IncomingCall.Refusal.UNKNOWN_NUMBER);
            return;
        }
        long businessId = route.get().businessId();
        if (!dialers.paceHere(businessId)) {
            LOG.info("A call to {} refused: business {} is dialed by node {}", call.dialedNumber(), businessId,
                    dialers.pacedElsewhere(businessId).orElse("?"));
            call.refuse(IncomingCall.Refusal.UNAVAILABLE);
            return;
        }
        QueueRules queue = calls.rulesOf(businessId, route.get().queueId());
        String caller = callerNumber(call.callerNumber(), businessId);
        engine.run(businessId, () -> switchboards.of(businessId).enter(queue, caller, call::accept));
    }

    /** The caller's number in E.164 as the business reads numbers; as the trunk wrote it when it is none (anonymous). */
    private String callerNumber(String written, long businessId) {
        Violations ignored = new Violations();
        String e164 = PhoneNumbers.toE164(written, businesses.get(businessId).defaultCountry(), "caller", ignored);
        return e164 != null && ignored.isEmpty() ? e164 : written;
    }
}
