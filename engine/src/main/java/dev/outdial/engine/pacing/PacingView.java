package dev.outdial.engine.pacing;

import dev.outdial.engine.customer.AgentId;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What a dial strategy sees when it decides: the time, the agents who may take a customer of the
 * campaign now (Available, screen open, holding nothing, out of wrap-up, under their daily quota),
 * longest idle first, and how many calls may still be started under the business's contract limit
 * and the campaign's ceiling together. Predictive adds its observed rates here when it comes.
 *
 * @param freeLines calls that may still be started now; never negative
 * @param openCalls calls of the campaign up now
 */
public record PacingView(Instant now, List<AgentId> freeAgents, int freeLines, int openCalls) {

    public PacingView {
        freeAgents = List.copyOf(freeAgents);
        if (freeLines < 0 || openCalls < 0) {
            throw new IllegalArgumentException("lines and calls are never negative");
        }
    }

    /** One dispatch for each free agent, longest idle first, as far as the free lines go. */
    public List<Dispatch> oneForEachFreeAgent(Function<AgentId, Dispatch> dispatchFor) {
        return freeAgents.stream().limit(freeLines).map(dispatchFor).toList();
    }
}
