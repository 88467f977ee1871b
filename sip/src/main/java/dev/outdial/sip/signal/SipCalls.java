package dev.outdial.sip.signal;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.MachineDetection;
import dev.outdial.sip.CallQualities;
import dev.outdial.sip.TrunkAnswer;
import dev.outdial.sip.TrunkAnswers;
import dev.outdial.sip.IncomingCall;
import dev.outdial.sip.IncomingCalls;
import dev.outdial.sip.media.MediaLeg;
import dev.outdial.sip.media.MediaStats;
import gov.nist.javax.sip.RequestEventExt;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legs of one adapter: dials them, finds them by the engine's id or by their SIP Call-ID, and
 * routes what arrives from the network — a phone's REGISTER to the registrar, a BYE or re-INVITE to
 * its leg, OPTIONS answered here. A new INVITE from the trunk is offered to {@link IncomingCalls}, on a thread of its
 * own; one from anywhere else (a phone, a stranger) is refused.
 */
public final class SipCalls implements LegContext, SipEndpoint.RequestRouter {

    private static final Logger LOG = LoggerFactory.getLogger(SipCalls.class);
    /** The methods we answer, in Allow headers. */
    static final List<String> ALLOWED = List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE,
            Request.OPTIONS, Request.INFO, Request.UPDATE);

    private final SipEndpoint endpoint;
    private final MediaPorts media;
    private final EventSink events;
    private final ScheduledExecutorService timers;
    private final PromptLibrary prompts;
    private final TrunkAuth trunkAuth;
    private final Requests requests;
    private final Registrar registrar;
    private final Trunks trunks;
    private final Map<CallId, Leg> byId = new ConcurrentHashMap<>();
    private final Map<String, DialogLeg> bySipCallId = new ConcurrentHashMap<>();
    private final Executor offers;
    private volatile IncomingCalls incoming = IncomingCalls.NONE;
    private volatile CallQualities qualities = CallQualities.NONE;
    private volatile TrunkAnswers trunkAnswers = TrunkAnswers.NONE;

    /** The calls of {@code endpoint}, to the carrier's {@code trunks} and the agents' phones. */
    public SipCalls(SipEndpoint endpoint, Trunks trunks, MediaPorts media, EventSink events,
                    ScheduledExecutorService timers, PromptLibrary prompts, Registrar registrar, Executor offers) {
        this.endpoint = endpoint;
        this.offers = offers;
        this.media = media;
        this.events = events;
        this.timers = timers;
        this.prompts = prompts;
        this.registrar = registrar;
        this.trunks = trunks;
        this.requests = new Requests(endpoint);
        this.trunkAuth = new TrunkAuth(endpoint.headers(), endpoint.settings().trunkUsername(),
                endpoint.settings().trunkPassword());
    }

    /** Where calls from the trunk go from now on. */
    public void receiveCalls(IncomingCalls calls) {
        this.incoming = calls;
    }

    /** Where the quality of customers' calls is told as each ends. */
    public void tellOfCallQuality(CallQualities where) {
        this.qualities = where;
    }

    public void tellOfTrunkAnswers(TrunkAnswers where) {
        this.trunkAnswers = where;
    }

    @Override
    public void trunksAnswered(CallId leg, List<TrunkAnswer> answers) {
        try {
            trunkAnswers.answered(leg, answers);
        } catch (RuntimeException e) {
            LOG.warn("What the trunks answered call {} was not kept", leg.value(), e);
        }
    }

    @Override
    public void customerLegEnded(CallId leg, MediaStats media) {
        media.quality().ifPresent(quality -> {
            try {
                qualities.measured(leg, quality);
            } catch (RuntimeException e) {
                LOG.warn("The quality of call {} was not kept", leg.value(), e);
            }
        });
    }

    public Requests requests() {
        return requests;
    }

    /**
     * Dials a customer through the trunk as the leg {@code id}, the engine's name for the call; the
     * INVITE gets a SIP Call-ID of its own, mapped back to the leg when the trunk answers.
     */
    public void dialCustomer(CallId id, String from, String to, Duration ringTimeout, MachineDetection detection,
                             Consumer<CallEvent> listener) {
        if (byId.containsKey(id)) {
            throw new IllegalStateException("call " + id.value() + " is placed already");
        }
        InetSocketAddress trunk = trunks.current();
        if (!Trunks.isNamed(trunk)) {
            LOG.warn("Call to {} not placed: {}", to, Trunks.NOT_NAMED_YET);
            events.emit(listener, new CallEvent.Failed(id, CallResult.NETWORK_ERROR));
            return;
        }
        dial(id, "call to " + to, ringTimeout, detection, Optional.empty(),
                Optional.of(new OutboundLeg.Customer(to, trunk)), listener,
                sdp -> requests.inviteCustomer(trunk, from, to, sdp));
    }

    /** Rings an agent's phone at its registered contact, through the NAT router it registered through if any. */
    public CallId dialAgent(AgentId agent, Bindings.Binding phone, Duration answerTimeout,
                            Consumer<CallEvent> listener) {
        CallId id = CallIds.next("agent");
        dial(id, "agent " + agent.value() + "'s phone", answerTimeout, MachineDetection.OFF, phone.behindNat(),
                Optional.empty(), listener, sdp -> requests.inviteAgent(phone.contact(), sdp));
        return id;
    }

    /** A leg that fails at once with {@code result}, for a call that cannot even be tried. */
    public CallId failAtOnce(String kind, CallResult result, Consumer<CallEvent> listener) {
        CallId id = CallIds.next(kind);
        events.emit(listener, new CallEvent.Failed(id, result));
        return id;
    }

    private void dial(CallId id, String description, Duration ringTimeout, MachineDetection detection,
                      Optional<NatAddress> behindNat, Optional<OutboundLeg.Customer> customer,
                      Consumer<CallEvent> listener,
                      java.util.function.Function<String, Request> invite) {
        MediaLeg leg;
        try {
            leg = media.open();
        } catch (IOException | RuntimeException e) {
            LOG.warn("No RTP port for the {}: {}", description, e.getMessage());
            events.emit(listener, new CallEvent.Failed(id, CallResult.HOTLINE_ERROR));
            return;
        }
        OutboundLeg outbound = new OutboundLeg(id, this, leg, detection, customer, listener, description);
        Request request;
        try {
            request = invite.apply(outbound.offer());
        } catch (RuntimeException e) {
            LOG.warn("Cannot dial the {}: {}", description, e.getMessage());
            leg.close();
            events.emit(listener, new CallEvent.Failed(id, CallResult.INVALID_NUMBER));
            return;
        }
        String sipCallId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        behindNat.ifPresent(address -> endpoint.natRouter().reach(sipCallId, address));
        byId.put(id, outbound);
        bySipCallId.put(sipCallId, outbound);
        outbound.start(request, ringTimeout);
    }

    /** Ends every answered call whose trunk side has sent no audio for longer than {@code limit}. */
    public void hangUpSilent(Duration limit) {
        bySipCallId.values().forEach(leg -> leg.hangUpIfSilent(limit));
    }

    /** Registers a leg that is not a SIP leg of its own (a virtual leg on a nailed-up line). */
    public void add(Leg leg) {
        byId.put(leg.id(), leg);
    }

    public Optional<Leg> leg(CallId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Asks the far end of a leg Outdial placed whether it is still in the call ({@link OutboundLeg#probe}). */
    void probe(CallId id) {
        if (byId.get(id) instanceof OutboundLeg placed) {
            placed.probe();
        }
    }

    /** Every leg not yet ended. */
    public List<Leg> open() {
        return List.copyOf(byId.values());
    }

    @Override
    public void forget(Leg leg) {
        byId.remove(leg.id(), leg);
        if (leg instanceof DialogLeg dialogLeg) {
            bySipCallId.remove(dialogLeg.sipCallId(), dialogLeg);
            endpoint.natRouter().forget(dialogLeg.sipCallId());
        }
        synchronized (this) {
            notifyAll();
        }
    }

    /**
     * Waits, at most {@code patience}, until every SIP leg has finished: a CANCEL's INVITE has its
     * 487 (which the stack must still ACK), so closing does not leave the far end ringing.
     */
    public synchronized void awaitEnded(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!bySipCallId.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.info("{} SIP legs had not finished when the adapter closed", bySipCallId.size());
                return;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void onRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        List<String> unsupported = Extensions.unsupportedWhenCalled(Extensions.required(request));
        if (!unsupported.isEmpty() && !Request.ACK.equals(method) && !Request.CANCEL.equals(method)) {
            // RFC 3261 8.2.2.3: an extension the sender cannot do without is refused, naming it, so it may try without
            LOG.info("A {} requiring {} refused: Outdial does not support it", method, unsupported);
            endpoint.respond(event, Response.BAD_EXTENSION, response -> Extensions.unsupported(response, unsupported,
                    endpoint.headers()));
            return;
        }
        if (Request.REGISTER.equals(method)) {
            registrar.onRegister(event);
            return;
        }
        DialogLeg leg = bySipCallId.get(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
        switch (method) {
            case Request.BYE -> {
                if (leg != null) {
                    leg.onBye(event);
                } else {
                    endpoint.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                }
            }
            case Request.INVITE, Request.UPDATE -> {
                if (leg != null && event.getDialog() != null) {
                    leg.onOffer(event);
                } else if (Request.INVITE.equals(method) && leg == null) {
                    offerIncoming(event);
                } else {
                    endpoint.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                }
            }
            case Request.ACK -> {
                if (leg != null) {
                    leg.onAck(event);
                }
            }
            case Request.OPTIONS -> endpoint.respond(event, Response.OK, this::allow);
            // Keys come as RFC 4733 in the media, or from some phones and carriers in an INFO; any other INFO is
            // acknowledged and not read.
            case Request.INFO -> {
                endpoint.respond(event, leg != null ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                if (leg != null) {
                    InfoKeys.of(request).ifPresent(key -> leg.media().ifPresent(media -> media.keySignalled(key)));
                }
            }
            case Request.CANCEL -> {
                if (leg != null) {
                    leg.onCancel(event);
                } else {
                    endpoint.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                }
            }
            default -> endpoint.respond(event, Response.METHOD_NOT_ALLOWED, this::allow);
        }
    }

    @Override
    public void onAckNeverCame(String sipCallId) {
        DialogLeg leg = bySipCallId.get(sipCallId);
        if (leg != null) {
            leg.onAckNeverCame();
        }
    }

    /**
     * A call from the carrier: answered 100 at once, then offered to the application off the SIP thread. A call from
     * anywhere else is refused (403): only the carrier brings callers, and a stranger must not reach a queue's agents.
     */
    private void offerIncoming(RequestEvent event) {
        Request request = event.getRequest();
        if (!fromTrunk(event)) {
            LOG.info("A call from {} refused: only the trunk's calls are taken", remoteAddress(event));
            endpoint.respond(event, Response.FORBIDDEN);
            return;
        }
        String offer = DialogMedia.body(request);
        Optional<Sdp.RemoteMedia> offered = DialogMedia.usable(request, endpoint.settings().srtp().trunk());
        if (!offer.isBlank() && offered.isEmpty()) {
            endpoint.respond(event, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        // The port first: a call that cannot have one is answered 503 like any request not taken.
        MediaLeg leg;
        try {
            leg = media.open();
        } catch (IOException | RuntimeException e) {
            LOG.warn("No RTP port for an incoming call: {}", e.getMessage());
            endpoint.respond(event, Response.SERVICE_UNAVAILABLE);
            return;
        }
        ServerTransaction transaction = event.getServerTransaction();
        InboundLeg inbound;
        try {
            if (transaction == null) {
                transaction = endpoint.provider().getNewServerTransaction(request);
            }
            Dialog dialog = endpoint.provider().getNewDialog(transaction);
            transaction.sendResponse(endpoint.messages().createResponse(Response.TRYING, request));
            inbound = new InboundLeg(this, request, transaction, dialog, leg, offered);
        } catch (TransactionAlreadyExistsException retransmitted) {
            leg.close();
            return;
        } catch (Exception e) {
            LOG.warn("An incoming call could not be taken: {}", e.toString());
            leg.close();
            if (transaction != null) {
                // Through the call's own transaction: the endpoint would try to make a second one for the INVITE.
                endpoint.respond(transaction, Response.SERVER_INTERNAL_ERROR);
            }
            return;
        }
        byId.put(inbound.id(), inbound);
        bySipCallId.put(inbound.sipCallId(), inbound);
        IncomingCalls routing = incoming;
        offers.execute(() -> {
            try {
                routing.offered(inbound);
            } catch (RuntimeException e) {
                LOG.warn("The {} could not be routed", inbound, e);
                inbound.refuse(IncomingCall.Refusal.UNAVAILABLE);
            }
        });
    }

    /**
     * From one of the carrier's addresses ({@link dev.outdial.sip.SipSettings#callersFrom}; none given: its trunks',
     * which its DNS named).
     */
    private boolean fromTrunk(RequestEvent event) {
        Optional<String> from = remoteAddress(event);
        try {
            // The packet's source address, never a name: no lookup is made.
            if (from.isEmpty()) {
                return false;
            }
            InetAddress source = InetAddress.ofLiteral(from.get());
            return endpoint.settings().callersFrom().isEmpty() ? trunks.isOneOf(source)
                    : endpoint.settings().takesCallsFrom(source);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static Optional<String> remoteAddress(RequestEvent event) {
        return event instanceof RequestEventExt ext ? Optional.ofNullable(ext.getRemoteIpAddress()) : Optional.empty();
    }

    private void allow(Response response) {
        try {
            for (String method : ALLOWED) {
                response.addHeader(endpoint.headers().createAllowHeader(method));
            }
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SipEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public EventSink events() {
        return events;
    }

    @Override
    public ScheduledExecutorService timers() {
        return timers;
    }

    @Override
    public PromptLibrary prompts() {
        return prompts;
    }

    @Override
    public TrunkAuth trunkAuth() {
        return trunkAuth;
    }

    @Override
    public Trunks trunks() {
        return trunks;
    }
}
