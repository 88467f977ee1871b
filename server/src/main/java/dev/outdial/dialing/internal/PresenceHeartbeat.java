package dev.outdial.dialing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Renews the presence of the agents working against this node (issue 14); see {@link AgentSessions}. */
@Component
class PresenceHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(PresenceHeartbeat.class);

    private final AgentSessions sessions;

    PresenceHeartbeat(AgentSessions sessions) {
        this.sessions = sessions;
    }

    @Scheduled(initialDelayString = "${outdial.dialing.presence-heartbeat:PT5S}",
            fixedDelayString = "${outdial.dialing.presence-heartbeat:PT5S}")
    void beat() {
        try {
            sessions.renewPresence();
        } catch (RuntimeException failure) {
            // The next beat tries again; the presence lease outlives a missed beat or two.
            log.warn("Presence heartbeat failed", failure);
        }
    }
}
