package dev.outdial.engine.port;

import dev.outdial.engine.customer.CallResult;
import java.time.Instant;
import java.util.Optional;

/** What the engine tells an agent about their work in a campaign (issue 5's agent events). */
public sealed interface AgentUpdate {

    long campaignId();

    /**
     * A customer is the agent's now: manual, theirs to dial ({@code dialsAt} empty); preview, shown
     * until {@code dialsAt}, when the system dials unless the agent dials at once or skips.
     */
    record CustomerOffered(long campaignId, long customerId, String number, Optional<Instant> dialsAt)
            implements AgentUpdate {
    }

    /** The offered customer is no longer the agent's: skipped, refused at dial time, or the agent left. */
    record OfferWithdrawn(long campaignId, long customerId, String reason) implements AgentUpdate {
    }

    /** A call to the customer for this agent was placed. */
    record CallPlaced(long campaignId, CallId call, long customerId) implements AgentUpdate {
    }

    /** The customer is connected to the agent: talking. */
    record CallConnected(long campaignId, CallId call, long customerId) implements AgentUpdate {
    }

    /** The call ended; when {@code dispositionDue}, the customer was reached and waits for the agent's word. */
    record CallEnded(long campaignId, CallId call, long customerId, CallResult result, boolean dispositionDue)
            implements AgentUpdate {
    }

    /** Wrap-up after a call: no new work before {@code until}, unless the agent ends it early. */
    record WrapUpStarted(long campaignId, Instant until) implements AgentUpdate {
    }
}
