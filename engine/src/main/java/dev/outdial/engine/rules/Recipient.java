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
 */
public record Recipient(Optional<AgentId> agent, Set<AgentId> loggedInAgents) {

    public Recipient {
        Objects.requireNonNull(agent, "agent");
        loggedInAgents = Set.copyOf(loggedInAgents);
    }

    public static Recipient agent(AgentId agent, Set<AgentId> loggedInAgents) {
        return new Recipient(Optional.of(agent), loggedInAgents);
    }

    public static Recipient pool(Set<AgentId> loggedInAgents) {
        return new Recipient(Optional.empty(), loggedInAgents);
    }

    public boolean is(AgentId candidate) {
        return agent.filter(candidate::equals).isPresent();
    }
}
