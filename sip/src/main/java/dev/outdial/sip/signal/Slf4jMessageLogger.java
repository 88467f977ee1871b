package dev.outdial.sip.signal;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every SIP message sent and received, at TRACE on {@code dev.outdial.sip.messages} (named by the
 * stack's property {@code gov.nist.javax.sip.SERVER_LOGGER}): off by default, one switch to see the
 * wire when a trunk misbehaves, and no message log file written by the stack itself. SRTP keys in SDP
 * ({@code a=crypto}) are written as {@code inline:…}: a log must never let anyone decrypt a call.
 */
public final class Slf4jMessageLogger implements ServerLogger {

    private static final Logger LOG = LoggerFactory.getLogger("dev.outdial.sip.messages");
    private static final Pattern SRTP_KEY = Pattern.compile("inline:[^|\\s]+");

    @Override
    public void closeLogFile() {
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, sender);
    }

    private static void log(SIPMessage message, String from, String to, boolean sender) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, withoutKeys(message.encode()));
        }
    }

    /** {@code message} with each SRTP key of its SDP left out. */
    static String withoutKeys(String message) {
        return SRTP_KEY.matcher(message).replaceAll("inline:…");
    }

    @Override
    public void logException(Exception ex) {
        LOG.debug("SIP stack", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
    }

    @Override
    public void setSipStack(SipStack sipStack) {
    }
}
