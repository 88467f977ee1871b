package dev.outdial.engine.inbound;

import dev.outdial.engine.customer.AgentId;
import java.util.Set;

/**
 * The agents who take a queue's calls and are Available now, whether or not they have a campaign's
 * screen open: "when the campaign execution screen is closed: do not receive Auto Callback calls,
 * still receive queued calls"; a Not available agent receives neither.
 */
@FunctionalInterface
public interface QueueAgents {

    Set<AgentId> available(long queueId);
}
