package dev.outdial.engine.pacing;

import dev.outdial.engine.call.Connector;
import java.time.Duration;
import java.util.List;

/**
 * Progressive: "when an agent is available and out of wrap-up, the system dials one customer for
 * them and connects the customer on answer": one call per free agent, never more than the lines
 * the business's limit and the campaign's ceiling leave.
 */
public final class ProgressiveStrategy implements DialStrategy {

    private final Duration agentAnswerTimeout;

    public ProgressiveStrategy(Duration agentAnswerTimeout) {
        this.agentAnswerTimeout = agentAnswerTimeout;
    }

    @Override
    public List<Dispatch> plan(PacingView view) {
        return view.oneForEachFreeAgent(agent -> Dispatch.dialFor(agent, Connector.ringAgent(agent, agentAnswerTimeout)));
    }
}
