package dev.outdial.sip.signal;

import dev.outdial.sip.PhoneBook;
import gov.nist.javax.sip.RequestEventExt;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar agents' phones register with (RFC 3261 §10): digest in {@code realm} against the
 * HA1 the phone book keeps, then the REGISTER's contacts bound, refreshed or removed in
 * {@link Bindings}. An unknown user or a wrong password is 403 and binds nothing; a phone's own
 * account only (the To user is the one who authenticated).
 *
 * <p>Expiry: the contact's {@code expires} parameter, else the Expires header, else an hour; more
 * than an hour is cut to an hour (a phone that vanished is forgotten within one), less than a minute
 * is 423 Interval Too Brief (re-registering every few seconds would flood us).
 */
public final class Registrar {

    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    static final int MIN_EXPIRES = 60;
    static final int MAX_EXPIRES = 3600;
    /**
     * The longest a phone behind NAT is registered for: its re-registrations keep the router's mapping open, which
     * home and office routers close after a minute or two of silence, and a phone unreachable between calls could
     * not be rung for its line.
     */
    static final int MAX_EXPIRES_BEHIND_NAT = MIN_EXPIRES;

    private final SipEndpoint endpoint;
    private final PhoneBook phones;
    private final Bindings bindings;
    private final Nonces nonces;
    private final String realm;
    private final Clock clock;

    public Registrar(SipEndpoint endpoint, PhoneBook phones, Bindings bindings, Nonces nonces, String realm,
                     Clock clock) {
        this.endpoint = endpoint;
        this.phones = phones;
        this.bindings = bindings;
        this.nonces = nonces;
        this.realm = realm;
        this.clock = clock;
    }

    public void onRegister(RequestEvent event) {
        Request request = event.getRequest();
        AuthorizationHeader credentials = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (credentials == null || !realm.equals(credentials.getRealm())) {
            challenge(event, false);
            return;
        }
        switch (nonces.check(credentials.getNonce())) {
            case FORGED -> {
                challenge(event, false);
                return;
            }
            case STALE -> {
                challenge(event, true);
                return;
            }
            case VALID -> { }
        }
        Optional<PhoneBook.PhoneAccount> account = phones.account(credentials.getUsername());
        if (account.isEmpty() || !rightPassword(credentials, account.get()) || !ownAccount(request, account.get())) {
            LOG.info("REGISTER refused for SIP user {}", credentials.getUsername());
            endpoint.respond(event, Response.FORBIDDEN);
            return;
        }
        bind(event, account.get());
    }

    private boolean rightPassword(AuthorizationHeader credentials, PhoneBook.PhoneAccount account) {
        String uri = unquoted(credentials.getParameter("uri"));
        Optional<DigestAuth.Qop> qop = credentials.getQop() == null ? Optional.empty()
                : Optional.of(new DigestAuth.Qop(unquoted(credentials.getParameter("nc")), credentials.getCNonce()));
        String expected = DigestAuth.response(account.ha1(), credentials.getNonce(), Request.REGISTER, uri, qop);
        return DigestAuth.sameDigest(expected, credentials.getResponse());
    }

    private static boolean ownAccount(Request request, PhoneBook.PhoneAccount account) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to.getAddress().getURI() instanceof SipURI uri && account.username().equals(uri.getUser());
    }

    private void bind(RequestEvent event, PhoneBook.PhoneAccount account) {
        Request request = event.getRequest();
        ExpiresHeader expiresHeader = request.getExpires();
        int defaultExpires = expiresHeader == null ? MAX_EXPIRES : expiresHeader.getExpires();
        List<ContactHeader> contacts = new ArrayList<>();
        ListIterator<?> each = request.getHeaders(ContactHeader.NAME);
        while (each != null && each.hasNext()) {
            contacts.add((ContactHeader) each.next());
        }
        if (contacts.stream().anyMatch(ContactHeader::isWildCard)) {
            if (contacts.size() != 1 || defaultExpires != 0) {
                endpoint.respond(event, Response.BAD_REQUEST);
                return;
            }
            bindings.unbindAll(account.agent());
            answer(event, account);
            return;
        }
        for (ContactHeader contact : contacts) {
            int expires = contact.getExpires() >= 0 ? contact.getExpires() : defaultExpires;
            if (expires > 0 && expires < MIN_EXPIRES) {
                endpoint.respond(event, Response.INTERVAL_TOO_BRIEF, response -> {
                    try {
                        response.addHeader(endpoint.headers().createMinExpiresHeader(MIN_EXPIRES));
                    } catch (javax.sip.InvalidArgumentException e) {
                        throw new IllegalStateException(e);
                    }
                });
                return;
            }
        }
        for (ContactHeader contact : contacts) {
            int expires = contact.getExpires() >= 0 ? contact.getExpires() : defaultExpires;
            String uri = contact.getAddress().getURI().toString();
            if (expires == 0) {
                bindings.unbind(account.agent(), uri);
            } else {
                Optional<NatAddress> behindNat = behindNat(event, contact);
                behindNat.ifPresent(nat -> LOG.debug("{} registered {} from behind NAT, reached at {}:{}",
                        account.username(), uri, nat.host(), nat.port()));
                int granted = Math.min(expires, behindNat.isPresent() ? MAX_EXPIRES_BEHIND_NAT : MAX_EXPIRES);
                bindings.bind(account.agent(), uri, behindNat, Duration.ofSeconds(granted));
            }
        }
        answer(event, account);
    }

    /** Where the phone is reached if it registered {@code contact}, a private address, from another (RFC 3581). */
    private static Optional<NatAddress> behindNat(RequestEvent event, ContactHeader contact) {
        if (!(event instanceof RequestEventExt source) || !(contact.getAddress().getURI() instanceof SipURI uri)) {
            return Optional.empty();
        }
        String transport = event.getRequest().getHeader(ViaHeader.NAME) instanceof ViaHeader via
                ? via.getTransport().toLowerCase(Locale.ROOT) : "udp";
        int contactPort = uri.getPort() > 0 ? uri.getPort() : 5060;
        return NatAddress.of(uri.getHost(), contactPort, source.getRemoteIpAddress(), source.getRemotePort(), transport);
    }

    /** 200 with every binding the agent now has, each with the seconds it has left (RFC 3261 §10.3 step 8). */
    private void answer(RequestEvent event, PhoneBook.PhoneAccount account) {
        Instant now = clock.instant();
        List<Bindings.Binding> current = bindings.bindings(account.agent());
        endpoint.respond(event, Response.OK, response -> {
            for (Bindings.Binding binding : current) {
                try {
                    ContactHeader contact = endpoint.headers().createContactHeader(
                            endpoint.addresses().createAddress(binding.contact()));
                    contact.setExpires((int) Math.max(1, binding.remaining(now).toSeconds()));
                    response.addHeader(contact);
                } catch (ParseException | javax.sip.InvalidArgumentException e) {
                    LOG.debug("Binding {} not listed: {}", binding.contact(), e.getMessage());
                }
            }
        });
    }

    private void challenge(RequestEvent event, boolean stale) {
        endpoint.respond(event, Response.UNAUTHORIZED, response -> {
            try {
                WWWAuthenticateHeader challenge = endpoint.headers().createWWWAuthenticateHeader("Digest");
                challenge.setRealm(realm);
                challenge.setNonce(nonces.issue());
                challenge.setAlgorithm("MD5");
                challenge.setQop("auth");
                if (stale) {
                    challenge.setParameter("stale", "true");
                }
                response.addHeader(challenge);
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String unquoted(String value) {
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
