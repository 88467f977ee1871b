package dev.outdial.sip.signal;

import dev.outdial.sip.SipSettings;
import dev.outdial.sip.SipTls;
import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.ResponseEventExt;
import gov.nist.javax.sip.SipListenerExt;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAIN-SIP stack of one adapter: listens on UDP and TCP at {@code listen} (and TLS on its own port where set
 * up), writes
 * {@code publicAddress} into Via and Contact, hands requests to the {@link RequestRouter} and
 * responses and timeouts to the {@link ResponseHandler} of the transaction that asked.
 * Dialogs are made explicitly by the legs (automatic dialog support off), so a REGISTER or an
 * OPTIONS never leaves a dialog behind.
 */
public final class SipEndpoint implements SipListenerExt, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipEndpoint.class);
    /** The stack's transports: UDP and TCP on the one port, and TLS. */
    private static final int TRANSPORTS = 3;
    /** How long a TLS handshake may take before the connection is dropped. */
    private static final String HANDSHAKE_MILLIS = "10000";
    private static final AtomicInteger STACKS = new AtomicInteger();
    /** The user part of our Contact, where the trunk and phones send requests in our dialogs and registrations. */
    static final String CONTACT_USER = "outdial";

    /** What the endpoint does with a request; called on a stack thread. */
    public interface RequestRouter {
        void onRequest(RequestEvent event);

        /** Our 2xx to an INVITE of the dialog {@code sipCallId} was sent for 64 × T1 and never acknowledged. */
        default void onAckNeverCame(String sipCallId) {
        }
    }

    private final SipSettings settings;
    private final Duration t1;
    private final String stackName;
    private final SipStack stack;
    private final SipProvider provider;
    private final ForkedAnswers forks = new ForkedAnswers(this);
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private volatile RequestRouter router = event -> { };
    private Optional<ShownCertificate> shownCertificate = Optional.empty();

    /**
     * @param t1 the retransmission base timer (RFC 3261's T1, 500 ms); a request unanswered for
     *           64 × T1 times out (Timer B), so tests shorten it
     */
    public SipEndpoint(SipSettings settings, Duration t1) {
        this.settings = settings;
        this.t1 = t1;
        String listenHost = settings.listen().getAddress() == null ? settings.listen().getHostString()
                : settings.listen().getAddress().getHostAddress();
        int port = settings.listen().getPort();
        this.stackName = "outdial-" + STACKS.incrementAndGet();
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            Properties properties = new Properties();
            properties.setProperty("javax.sip.STACK_NAME", stackName);
            if (settings.tls().isPresent()) {
                useTls(properties, settings.tls().get());
            }
            properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
            // Calls to phones behind NAT go where their registrations came from, not to their private contacts.
            properties.setProperty("javax.sip.ROUTER_PATH", NatRouter.class.getName());
            properties.setProperty("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
            properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
            properties.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jMessageLogger.class.getName());
            properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
            properties.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
            properties.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
            properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
            // A proxy's forked INVITE may be answered twice: a later answer is told as forked (ForkedAnswers) for as
            // long as the INVITE's transaction would wait for its final response, 64 × T1.
            properties.setProperty("gov.nist.javax.sip.MAX_FORK_TIME_SECONDS",
                    String.valueOf(Math.max(1, Math.round(64.0 * t1.toMillis() / 1000))));
            // One thread takes UDP messages in the order they came: a 180 is never seen after the 200
            // that followed it. Nothing the listener does blocks (media and prompts go elsewhere).
            properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
            // A 2xx is retransmitted until its ACK for this many ticks of the stack's 500 ms dialog timer: 64 at the
            // standard T1 (32 s, RFC 3261's 64 × T1), fewer with a test's shorter one.
            properties.setProperty("gov.nist.javax.sip.DIALOG_TIMEOUT_FACTOR",
                    String.valueOf(Math.max(2, Math.round(64.0 * t1.toMillis() / 500))));
            stack = factory.createSipStack(properties);
            addresses = factory.createAddressFactory();
            headers = factory.createHeaderFactory();
            messages = factory.createMessageFactory();
        } catch (Exception e) {
            TlsNetworkLayer.forget(stackName);
            throw new IllegalStateException("The SIP stack could not start: " + e.getMessage(), e);
        }
        try {
            ListeningPoint udp = stack.createListeningPoint(listenHost, port, ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(listenHost, port, ListeningPoint.TCP);
            udp.setSentBy(settings.publicAddress() + ":" + port);
            tcp.setSentBy(settings.publicAddress() + ":" + port);
            provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            provider.addSipListener(this);
        } catch (Exception e) {
            stopStack();
            throw new IllegalStateException("outdial.telephony.sip.listen: cannot listen for SIP on "
                    + listenHost + ":" + port + " (" + e.getMessage() + ")", e);
        }
        if (settings.tls().isPresent()) {
            int tlsPort = settings.tls().get().port();
            try {
                ListeningPoint tls = stack.createListeningPoint(listenHost, tlsPort, ListeningPoint.TLS);
                tls.setSentBy(settings.publicAddress() + ":" + tlsPort);
                provider.addListeningPoint(tls);
            } catch (Exception e) {
                stopStack();
                throw new IllegalStateException("outdial.telephony.sip.tls.port: cannot listen for SIP over TLS on "
                        + listenHost + ":" + tlsPort + " (" + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * The stack's TLS: Outdial's certificate and the carrier's trust ({@link TlsNetworkLayer}), TLS 1.2 and 1.3 with
     * the JDK's current cipher suites, and no certificate asked of phones (their digest proves who they are).
     */
    private void useTls(Properties properties, SipTls tls) throws GeneralSecurityException {
        shownCertificate = Optional.of(TlsNetworkLayer.prepare(stackName, tls, settings.carrierNames()));
        properties.setProperty("gov.nist.javax.sip.NETWORK_LAYER", TlsNetworkLayer.class.getName());
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3,TLSv1.2");
        // The stack's own default is four suites of RSA key exchange and CBC, none for TLS 1.3 or an EC key.
        properties.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
                String.join(",", SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites()));
        properties.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", HANDSHAKE_MILLIS);
    }

    /** The certificate TLS handshakes show, where SIP over TLS is set up. */
    public Optional<ShownCertificate> shownCertificate() {
        return shownCertificate;
    }

    public void route(RequestRouter requests) {
        this.router = requests;
    }

    public AddressFactory addresses() {
        return addresses;
    }

    public HeaderFactory headers() {
        return headers;
    }

    public MessageFactory messages() {
        return messages;
    }

    public SipProvider provider() {
        return provider;
    }

    /** Where the requests of calls to phones behind NAT are sent. */
    public NatRouter natRouter() {
        return (NatRouter) stack.getRouter();
    }

    public SipSettings settings() {
        return settings;
    }

    /** Our Contact: sip:outdial@public-address:port, with the transport when it is TCP or TLS (and TLS's port). */
    public ContactHeader contact(String transport) {
        try {
            SipURI uri = addresses.createSipURI(CONTACT_USER, settings.publicAddress());
            uri.setPort(settings.portFor(transport));
            if (ListeningPoint.TCP.equalsIgnoreCase(transport) || ListeningPoint.TLS.equalsIgnoreCase(transport)) {
                uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
            }
            Address address = addresses.createAddress(uri);
            return headers.createContactHeader(address);
        } catch (ParseException e) {
            throw new IllegalStateException("outdial.telephony.sip.public-address is not a SIP host: " + settings.publicAddress(), e);
        }
    }

    /** A client transaction for {@code request}, answered to {@code handler}, with our T1; not sent yet. */
    public ClientTransaction transaction(Request request, ResponseHandler handler) throws SipException {
        ClientTransaction transaction = provider.getNewClientTransaction(request);
        transaction.setApplicationData(handler);
        transaction.setRetransmitTimer((int) t1.toMillis());
        return transaction;
    }

    /**
     * Answers {@code event}'s request with {@code status}; {@code decorate} adds headers or a body.
     * A retransmission whose transaction exists already is left to the stack, which answers it.
     */
    public void respond(RequestEvent event, int status, Consumer<Response> decorate) {
        try {
            Response response = tagged(messages.createResponse(status, event.getRequest()));
            decorate.accept(response);
            ServerTransaction transaction = event.getServerTransaction();
            if (transaction == null) {
                transaction = provider.getNewServerTransaction(event.getRequest());
            }
            transaction.sendResponse(response);
        } catch (TransactionAlreadyExistsException e) {
            LOG.debug("Retransmitted {} left to its transaction", event.getRequest().getMethod());
        } catch (Exception e) {
            LOG.warn("Could not answer {} with {}: {}", event.getRequest().getMethod(), status, e.toString());
        }
    }

    /** Answers the request of a server transaction made before, e.g. an INVITE answered once the application decides. */
    public void respond(ServerTransaction transaction, int status) {
        try {
            transaction.sendResponse(tagged(messages.createResponse(status, transaction.getRequest())));
        } catch (Exception e) {
            LOG.info("Could not answer {} with {}: {}", transaction.getRequest().getMethod(), status, e.toString());
        }
    }

    public void respond(RequestEvent event, int status) {
        respond(event, status, response -> { });
    }

    /** A final response to a request outside a dialog gets a To tag of ours, as every UAS's must (RFC 3261 8.2.6.2). */
    private static Response tagged(Response response) throws ParseException {
        if (response.getStatusCode() > 100 && response.getHeader(ToHeader.NAME) instanceof ToHeader to
                && to.getTag() == null) {
            to.setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
        }
        return response;
    }

    @Override
    public void processRequest(RequestEvent event) {
        try {
            router.onRequest(event);
        } catch (RuntimeException e) {
            LOG.warn("Failed handling {}", event.getRequest().getMethod(), e);
            if (!Request.ACK.equals(event.getRequest().getMethod())) {
                respond(event, Response.SERVER_INTERNAL_ERROR);
            }
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction == null && event instanceof ResponseEventExt forked && forked.isForkedResponse()
                && isAnswerToInvite(event.getResponse())) {
            forks.end(event.getResponse());
            return;
        }
        if (transaction != null && transaction.getApplicationData() instanceof ResponseHandler handler) {
            try {
                handler.onResponse(event);
            } catch (RuntimeException e) {
                LOG.warn("Failed handling a {} response", event.getResponse().getStatusCode(), e);
            }
        }
    }

    private static boolean isAnswerToInvite(Response response) {
        return response.getStatusCode() / 100 == 2 && OutboundLeg.isInvite(response);
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction() && event.getClientTransaction().getApplicationData() instanceof ResponseHandler handler) {
            handler.onTimeout();
        }
    }

    /**
     * The far end never acknowledged our answer: RFC 3261 (13.3.1.4) asks that such a session be ended, and nobody
     * who never sent the ACK is listening on it. Other dialog timeouts end what they concern on their own (an early
     * dialog that never answered is the engine's no-answer).
     */
    @Override
    public void processDialogTimeout(DialogTimeoutEvent event) {
        if (event.getReason() == DialogTimeoutEvent.Reason.AckNotReceived && event.getDialog() != null) {
            router.onAckNeverCame(event.getDialog().getCallId().getCallId());
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.info("SIP transport error towards {}:{} ({})", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    @Override
    public void close() {
        provider.removeSipListener(this);
        stopStack();
    }

    /**
     * Stops the stack, its listening sockets and timers. JAIN-SIP stops its transports one by one and gives up at the
     * first that throws, leaving the others listening: its UDP transport throws when stopped before its own thread
     * has run (a close right after the start), and a TCP transport whose port was taken throws as it was never
     * started. Each attempt takes away the transport that threw, so the next one goes on with the rest.
     */
    private void stopStack() {
        TlsNetworkLayer.forget(stackName);
        for (int attempt = 1; ; attempt++) {
            try {
                stack.stop();
                return;
            } catch (RuntimeException e) {
                if (attempt > TRANSPORTS) {
                    LOG.warn("The SIP stack could not be stopped whole", e);
                    return;
                }
                LOG.debug("A SIP transport failed to stop; stopping the rest", e);
            }
        }
    }
}
