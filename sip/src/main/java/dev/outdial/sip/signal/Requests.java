package dev.outdial.sip.signal;

import dev.outdial.sip.SipSettings;
import dev.outdial.sip.TrunkNumbers;
import gov.nist.javax.sip.message.MessageExt;
import gov.nist.javax.sip.stack.HopImpl;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * The out-of-dialog requests Outdial sends: INVITEs to the trunk (caller ID in From and
 * P-Asserted-Identity at {@code from-domain}) and to agents' phones, the trunk's OPTIONS, and the REGISTER of a trunk
 * that sends its calls to where Outdial registered.
 */
public final class Requests {

    private final SipEndpoint endpoint;

    public Requests(SipEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * {@code invite} to send again to {@link Trunks#next another trunk} of the carrier, as {@link #again} does: its
     * Request-URI is readdressed where it named the trunk it went to, and kept where it names the carrier's domain.
     */
    static Request toTrunk(Request invite, InetSocketAddress trunk) throws InvalidArgumentException, ParseException {
        Request retry = again(invite);
        SipURI target = (SipURI) retry.getRequestURI();
        if (((MessageExt) invite).getApplicationData() instanceof Hop left && target.getHost().equals(left.getHost())
                && target.getPort() == left.getPort()) {
            SipURI readdressed = (SipURI) target.clone();
            readdressed.setHost(trunk.getHostString());
            readdressed.setPort(trunk.getPort());
            retry.setRequestURI(readdressed);
        }
        return sentTo(retry, trunk);
    }

    /**
     * {@code request} to go to {@code trunk}, whatever its Request-URI names (the carrier's domain, whose SRV records
     * named the trunk): the stack's router reads it from the request, where nothing is sent on the wire.
     */
    private static Request sentTo(Request request, InetSocketAddress trunk) {
        ((MessageExt) request).setApplicationData(new HopImpl(trunk.getHostString(), trunk.getPort(),
                transportOf(request.getRequestURI())));
        return request;
    }

    /** {@code sent} to send again in a new transaction of its call: the next CSeq, a new branch (added when sent). */
    static Request again(Request sent) throws InvalidArgumentException {
        Request retry = (Request) sent.clone();
        ((MessageExt) retry).setApplicationData(((MessageExt) sent).getApplicationData()); // where it went
        CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
        cseq.setSeqNumber(cseq.getSeqNumber() + 1);
        ((ViaHeader) retry.getHeader(ViaHeader.NAME)).removeParameter("branch");
        return retry;
    }

    /** INVITE sip:{to}@{trunk} from the hotline {@code from}, offering {@code sdp}. */
    public Request inviteCustomer(InetSocketAddress trunk, String from, String to, String sdp) {
        try {
            TrunkNumbers numbers = endpoint.settings().numbers();
            // '#' (a prefix's) is not allowed as it is in a SIP URI's user part (RFC 3261 25.1)
            SipURI target = trunkUri(numbers.dialed(to).replace("#", "%23"), trunk);
            SipURI caller = endpoint.addresses().createSipURI(numbers.callerId(from), endpoint.settings().fromDomain());
            Request invite = invite(target, caller, sdp);
            invite.addHeader(endpoint.headers().createHeader("P-Asserted-Identity", "<" + caller + ">"));
            return sentTo(invite, trunk);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Cannot dial " + to + " from " + from + ": " + e.getMessage(), e);
        }
    }

    /** INVITE to an agent phone's registered contact, from Outdial itself. */
    public Request inviteAgent(String contact, String sdp) {
        try {
            URI target = endpoint.addresses().createURI(contact);
            SipURI caller = endpoint.addresses().createSipURI("outdial", endpoint.settings().publicAddress());
            return invite(target, caller, sdp);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Cannot ring the contact " + contact + ": " + e.getMessage(), e);
        }
    }

    /** OPTIONS sip:{trunk}, the keep-alive. */
    public Request optionsTo(InetSocketAddress trunk) {
        try {
            SipURI target = trunkUri(null, trunk);
            SipURI caller = endpoint.addresses().createSipURI("outdial", endpoint.settings().fromDomain());
            return sentTo(request(Request.OPTIONS, target, caller, null), trunk);
        } catch (ParseException e) {
            throw new IllegalStateException("outdial.telephony.sip.trunk.address is not a SIP host: " + e.getMessage(), e);
        }
    }

    /**
     * REGISTER to {@code trunk} for {@code username}@{@code from-domain}, our contact bound for {@code expires}
     * (0 ends the registration). One Call-ID and a rising CSeq across the refreshes of one registration (RFC 3261
     * §10.2).
     */
    Request registerWithTrunk(InetSocketAddress trunk, String username, String callId, long cseq, Duration expires) {
        try {
            if (!Trunks.isNamed(trunk)) {
                throw new IllegalStateException(Trunks.NOT_NAMED_YET);
            }
            SipURI target = trunkUri(null, trunk);
            SipURI record = endpoint.addresses().createSipURI(username, endpoint.settings().fromDomain());
            Request register = request(Request.REGISTER, target, record, null);
            register.setHeader(endpoint.headers().createToHeader(endpoint.addresses().createAddress(record), null));
            register.setHeader(endpoint.headers().createCallIdHeader(callId));
            register.setHeader(endpoint.headers().createCSeqHeader(cseq, Request.REGISTER));
            register.addHeader(endpoint.contact(transportOf(target)));
            register.addHeader(endpoint.headers().createExpiresHeader((int) expires.toSeconds()));
            return sentTo(register, trunk);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("Cannot register " + username + " with the trunk: " + e.getMessage(), e);
        }
    }

    /** The carrier's domain where its SRV records named its trunks (RFC 3263 keeps it), else {@code trunk} itself. */
    private SipURI trunkUri(String user, InetSocketAddress trunk) throws ParseException {
        SipSettings settings = endpoint.settings();
        SipURI uri = endpoint.addresses().createSipURI(user, settings.trunkDomain().orElse(trunk.getHostString()));
        if (settings.trunkDomain().isEmpty()) {
            uri.setPort(trunk.getPort());
        }
        if (settings.transport() != SipSettings.Transport.UDP) {
            uri.setTransportParam(settings.transport().name().toLowerCase(Locale.ROOT));
        }
        return uri;
    }

    private Request invite(URI target, SipURI caller, String sdp) throws ParseException {
        Request invite = request(Request.INVITE, target, caller, sdp);
        invite.addHeader(endpoint.contact(transportOf(target)));
        for (String method : SipCalls.ALLOWED) {
            invite.addHeader(endpoint.headers().createAllowHeader(method));
        }
        return invite;
    }

    private Request request(String method, URI target, SipURI caller, String sdp) throws ParseException {
        try {
            Address fromAddress = endpoint.addresses().createAddress(caller);
            FromHeader from = endpoint.headers().createFromHeader(fromAddress, Long.toHexString(ThreadLocalRandom.current().nextLong()));
            ToHeader to = endpoint.headers().createToHeader(endpoint.addresses().createAddress(target), null);
            CallIdHeader callId = endpoint.provider().getNewCallId();
            String transport = transportOf(target);
            ViaHeader via = endpoint.headers().createViaHeader(endpoint.settings().publicAddress(),
                    endpoint.settings().portFor(transport), transport, null);
            Request request = endpoint.messages().createRequest(target, method, callId,
                    endpoint.headers().createCSeqHeader(1L, method), from, to, List.of(via),
                    endpoint.headers().createMaxForwardsHeader(70));
            if (sdp != null) {
                ContentTypeHeader type = endpoint.headers().createContentTypeHeader("application", "sdp");
                request.setContent(sdp.getBytes(StandardCharsets.US_ASCII), type);
            }
            return request;
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a request to {@code target} goes over: its transport parameter, else TLS for a sips: URI, else UDP. */
    private static String transportOf(URI target) {
        if (!(target instanceof SipURI sip)) {
            return "UDP";
        }
        if (sip.getTransportParam() != null) {
            return sip.getTransportParam().toUpperCase(Locale.ROOT);
        }
        return sip.isSecure() ? "TLS" : "UDP";
    }
}
