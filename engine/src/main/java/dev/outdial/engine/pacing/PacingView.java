package dev.outdial.engine.pacing;

import dev.outdial.engine.call.Connector;
import dev.outdial.engine.customer.AgentId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a dial strategy sees when it decides: the time, the agents who may take a customer of the
 * campaign now (Available, screen open, holding nothing, out of wrap-up, under their daily quota),
 * longest idle first, and how many calls may still be started under the business's contract limit
 * and the campaign's ceiling together. Strategies that dial for the campaign's pool (predictive)
 * also see every Available agent, busy or not, and the answered customers waiting for one.
 *
 * @param freeLines        calls that may still be started now; never negative
 * @param openCalls        calls of the campaign up now
 * @param availableAgents  agents Available with the campaign's screen open, free or busy
 * @param waitingCustomers answered customers not yet talking to an agent
 * @param waitingRoom      the connector of pool dials: puts an answered customer in line for an agent
 */
public record PacingView(Instant now, List<AgentId> freeAgents, int freeLines, int openCalls,
                         List<AgentId> availableAgents, int waitingCustomers, Connector waitingRoom) {

    public PacingView {
        freeAgents = List.copyOf(freeAgents);
        availableAgents = List.copyOf(availableAgents);
        Objects.requireNonNull(waitingRoom, "waitingRoom");
        if (freeLines < 0 || openCalls < 0 || waitingCustomers < 0) {
            throw new IllegalArgumentException("lines, calls and customers are never negative");
        }
    }

    /** One dispatch for each free agent, longest idle first, as far as the free lines go. */
    public List<Dispatch> oneForEachFreeAgent(Function<AgentId, Dispatch> dispatchFor) {
        return freeAgents.stream().limit(freeLines).map(dispatchFor).toList();
    }

    /** {@code count} dials for the campaign's pool, as far as the free lines go; their answers wait in line. */
    public List<Dispatch> poolDials(int count) {
        Dispatch dial = Dispatch.forPool(waitingRoom);
        return java.util.Collections.nCopies(Math.max(0, Math.min(count, freeLines)), dial);
    }
}
