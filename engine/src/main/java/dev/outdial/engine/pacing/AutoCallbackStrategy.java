package dev.outdial.engine.pacing;

import dev.outdial.engine.call.AgentFirst;
import java.time.Duration;
import java.util.List;

/**
 * Auto callback (SPEC §5): "the system calls a free agent first and, once the agent answers, the
 * customer; first in, first out". One agent-first call per free agent (Available, the campaign's
 * screen open, holding nothing, out of wrap-up), as far as the lines go; the customers come in the
 * order the trigger added them. An agent who does not answer within the campaign's agent answer
 * timeout gives the customer back for the next agent. It never pauses the campaign: customers
 * arrive later from triggers.
 */
public final class AutoCallbackStrategy implements DialStrategy {

    private final Duration agentAnswerTimeout;

    public AutoCallbackStrategy(Duration agentAnswerTimeout) {
        this.agentAnswerTimeout = agentAnswerTimeout;
    }

    @Override
    public List<Dispatch> plan(PacingView view) {
        return view.oneForEachFreeAgent(agent -> Dispatch.dialFor(agent, new AgentFirst(agent, agentAnswerTimeout)));
    }
}
