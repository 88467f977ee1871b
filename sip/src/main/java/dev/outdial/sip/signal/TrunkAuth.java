package dev.outdial.sip.signal;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Optional;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the trunk's digest challenge (401 or 407) with {@code trunk.username}/{@code trunk.password}:
 * the same request again, next CSeq, fresh branch, with credentials. A leg answers once; a second
 * challenge means the credentials were refused, which the leg reports as the hotline's error.
 */
public final class TrunkAuth {

    private static final Logger LOG = LoggerFactory.getLogger(TrunkAuth.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HeaderFactory headers;
    private final Optional<String> username;
    private final Optional<String> password;

    public TrunkAuth(HeaderFactory headers, Optional<String> username, Optional<String> password) {
        this.headers = headers;
        this.username = username;
        this.password = password;
    }

    /** The request to send again with credentials, or empty when we have none or cannot answer this challenge. */
    public Optional<Request> answer(Request challenged, Response challenge) {
        if (username.isEmpty() || password.isEmpty()) {
            LOG.info("The trunk asks for credentials and outdial.telephony.sip.trunk.username is not set");
            return Optional.empty();
        }
        boolean proxy = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        WWWAuthenticateHeader asked = (WWWAuthenticateHeader) challenge.getHeader(
                proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
        if (asked == null || !"Digest".equalsIgnoreCase(asked.getScheme())
                || (asked.getAlgorithm() != null && !"MD5".equalsIgnoreCase(asked.getAlgorithm()))) {
            LOG.info("The trunk's challenge is not MD5 digest: {}", asked);
            return Optional.empty();
        }
        try {
            Request retry = Requests.again(challenged);
            String uri = retry.getRequestURI().toString();
            String ha1 = DigestAuth.ha1(username.get(), asked.getRealm(), password.get());
            boolean qopAuth = asked.getQop() != null && asked.getQop().toLowerCase().contains("auth");
            Optional<DigestAuth.Qop> qop = qopAuth
                    ? Optional.of(new DigestAuth.Qop("00000001", HexFormat.of().toHexDigits(RANDOM.nextLong())))
                    : Optional.empty();
            AuthorizationHeader credentials = proxy
                    ? headers.createProxyAuthorizationHeader("Digest") : headers.createAuthorizationHeader("Digest");
            credentials.setUsername(username.get());
            credentials.setRealm(asked.getRealm());
            credentials.setNonce(asked.getNonce());
            credentials.setURI(retry.getRequestURI());
            credentials.setAlgorithm("MD5");
            if (asked.getOpaque() != null) {
                credentials.setOpaque(asked.getOpaque());
            }
            if (qop.isPresent()) {
                credentials.setQop("auth");
                credentials.setNonceCount(1);
                credentials.setCNonce(qop.get().cnonce());
            }
            credentials.setResponse(DigestAuth.response(ha1, asked.getNonce(), retry.getMethod(), uri, qop));
            retry.setHeader(credentials);
            return Optional.of(retry);
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            LOG.warn("Could not answer the trunk's challenge: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
