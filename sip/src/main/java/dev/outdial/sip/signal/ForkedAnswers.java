package dev.outdial.sip.signal;

import gov.nist.javax.sip.Utils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call a proxy forked (rang the number at two places) and both answered: the call goes on with the first answer,
 * and every later one, of a dialog of its own (RFC 3261 §13.2.2.4), is acknowledged and ended with a BYE at once.
 * Left alone, the phone that answered it would stay connected to silence — a silent call to the customer — until its
 * own timer gave up half a minute later. The stack keeps no dialog for such an answer, so both requests are written
 * here from it: to its Contact, through the route it recorded. A retransmission of the answer (our ACK lost) is
 * acknowledged again, and sent the BYE again, which the far end answers 481 if the first reached it.
 */
final class ForkedAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ForkedAnswers.class);

    private final SipEndpoint endpoint;

    ForkedAnswers(SipEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Acknowledges {@code answer}, a 2xx to our INVITE of another dialog than the call's, and hangs it up. */
    void end(Response answer) {
        if (!(answer.getHeader(ContactHeader.NAME) instanceof ContactHeader contact)) {
            LOG.info("A second answer to the call {} names no Contact: it cannot be acknowledged nor hung up",
                    ((CallIdHeader) answer.getHeader(CallIdHeader.NAME)).getCallId());
            return;
        }
        long cseq = ((CSeqHeader) answer.getHeader(CSeqHeader.NAME)).getSeqNumber();
        try {
            endpoint.provider().sendRequest(inDialogOf(answer, contact.getAddress(), Request.ACK, cseq));
            Request bye = inDialogOf(answer, contact.getAddress(), Request.BYE, cseq + 1);
            endpoint.transaction(bye, ResponseHandler.IGNORED).sendRequest();
            LOG.info("A second answer to the call {} (a forked call) acknowledged and hung up",
                    ((CallIdHeader) answer.getHeader(CallIdHeader.NAME)).getCallId());
        } catch (SipException | ParseException | InvalidArgumentException e) {
            LOG.info("A second answer to a forked call could not be hung up: {}", e.getMessage());
        }
    }

    /** {@code method} in the dialog {@code answer} began: its Call-ID, our From, its To with its tag, its route. */
    private Request inDialogOf(Response answer, Address target, String method, long cseq)
            throws ParseException, InvalidArgumentException {
        String transport = ((ViaHeader) answer.getHeader(ViaHeader.NAME)).getTransport();
        String branch = method.equals(Request.ACK) // a new transaction's own branch is the stack's to choose
                ? Utils.getInstance().generateBranchId() : null;
        ViaHeader via = endpoint.headers().createViaHeader(endpoint.settings().publicAddress(),
                endpoint.settings().portFor(transport), transport, branch);
        Request request = endpoint.messages().createRequest(target.getURI(), method,
                (CallIdHeader) answer.getHeader(CallIdHeader.NAME).clone(),
                endpoint.headers().createCSeqHeader(cseq, method),
                (FromHeader) answer.getHeader(FromHeader.NAME).clone(), (ToHeader) answer.getHeader(ToHeader.NAME).clone(),
                List.of(via),
                endpoint.headers().createMaxForwardsHeader(70));
        List<RecordRouteHeader> recorded = new ArrayList<>();
        ListIterator<?> routes = answer.getHeaders(RecordRouteHeader.NAME);
        while (routes.hasNext()) {
            recorded.add((RecordRouteHeader) routes.next());
        }
        Collections.reverse(recorded); // the UAC's route set is the Record-Route in reverse (RFC 3261 §12.1.2)
        for (RecordRouteHeader hop : recorded) {
            request.addHeader(endpoint.headers().createRouteHeader(hop.getAddress()));
        }
        return request;
    }
}
