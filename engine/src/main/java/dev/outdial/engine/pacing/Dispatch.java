package dev.outdial.engine.pacing;

import dev.outdial.engine.call.Connector;
import dev.outdial.engine.customer.AgentId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of work a strategy starts: take the next customer for {@code agent} (or for the
 * campaign's pool when empty: predictive, autocall), optionally show it to the agent for
 * {@code preview} first, then dial and connect the answer as {@code connector} says.
 */
public record Dispatch(Optional<AgentId> agent, Optional<Duration> preview, Connector connector) {

    public Dispatch {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(preview, "preview");
        Objects.requireNonNull(connector, "connector");
        if (preview.isPresent() && agent.isEmpty()) {
            throw new IllegalArgumentException("only an agent previews a customer");
        }
    }

    /** Dial a customer for the agent now. */
    public static Dispatch dialFor(AgentId agent, Connector connector) {
        return new Dispatch(Optional.of(agent), Optional.empty(), connector);
    }

    /** Show a customer to the agent for {@code previewTime}, then dial with the agent on the line. */
    public static Dispatch previewFor(AgentId agent, Duration previewTime) {
        return new Dispatch(Optional.of(agent), Optional.of(previewTime), Connector.agentOnTheLine(agent));
    }

    /** Dial a customer for the campaign, the connector finding who takes the answer. */
    public static Dispatch forPool(Connector connector) {
        return new Dispatch(Optional.empty(), Optional.empty(), connector);
    }
}
