package dev.outdial.engine.rules;

import dev.outdial.engine.customer.AgentId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who a customer is being looked for: one agent (manual "get customer", preview, progressive), or
 * the campaign's pool when the call is placed before any agent is chosen (predictive, autocall).
 *
 * @param agent          the agent asking, empty for the pool
 * @param loggedInAgents the agents logged in to the campaign now, which callback ownership needs
 * @param declined       customers the agent skipped in preview: offering them to the same agent
 *                       again would bring the skipped customer straight back
 */
public record Recipient(Optional<AgentId> agent, Set<AgentId> loggedInAgents, Set<Long> declined) {

    public Recipient {
        Objects.requireNonNull(agent, "agent");
        loggedInAgents = Set.copyOf(loggedInAgents);
        declined = Set.copyOf(declined);
    }

    public static Recipient agent(AgentId agent, Set<AgentId> loggedInAgents) {
        return new Recipient(Optional.of(agent), loggedInAgents, Set.of());
    }

    public static Recipient pool(Set<AgentId> loggedInAgents) {
        return new Recipient(Optional.empty(), loggedInAgents, Set.of());
    }

    /** The same recipient, who does not want the customers in {@code skipped} again. */
    public Recipient declining(Set<Long> skipped) {
        return new Recipient(agent, loggedInAgents, skipped);
    }

    public boolean is(AgentId candidate) {
        return agent.filter(candidate::equals).isPresent();
    }
}
