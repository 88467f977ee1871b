package dev.outdial.sip.signal;

import gov.nist.javax.sip.message.MessageExt;
import gov.nist.javax.sip.stack.DefaultRouter;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;

/**
 * The stack's router ({@code javax.sip.ROUTER_PATH}): the requests of a call to a phone behind NAT (its INVITE,
 * CANCEL, ACK, BYE, the line's OPTIONS) go to the address its registration came from, whatever the request URI,
 * which is the phone's private contact; a request to the carrier goes to the trunk chosen for it, which it carries
 * ({@link Requests}), whatever its Request-URI (the carrier's domain, whose SRV records named the trunk); every other
 * request is routed as the stack routes it by default.
 */
public final class NatRouter implements Router {

    private final DefaultRouter standard;
    private final Map<String, Hop> callsViaNat = new ConcurrentHashMap<>();

    /** The constructor the stack calls. */
    public NatRouter(SipStack stack, String outboundProxy) {
        this.standard = new DefaultRouter(stack, outboundProxy);
    }

    /** Every request of the call {@code sipCallId} goes to {@code address} from now on. */
    void reach(String sipCallId, NatAddress address) {
        callsViaNat.put(sipCallId, address.hop());
    }

    /** The call is over: nothing more is sent in it. */
    void forget(String sipCallId) {
        callsViaNat.remove(sipCallId);
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        Hop viaNat = request.getHeader(CallIdHeader.NAME) instanceof CallIdHeader callId
                ? callsViaNat.get(callId.getCallId()) : null;
        if (viaNat != null) {
            return viaNat;
        }
        return ((MessageExt) request).getApplicationData() instanceof Hop toTrunk ? toTrunk
                : standard.getNextHop(request);
    }

    @Override
    public Hop getOutboundProxy() {
        return standard.getOutboundProxy();
    }

    @Override
    @SuppressWarnings({"rawtypes", "deprecation"})
    public ListIterator getNextHops(Request request) {
        return standard.getNextHops(request);
    }
}
