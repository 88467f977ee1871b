package dev.outdial.engine.sim;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentScreen;
import dev.outdial.engine.port.AgentUpdate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The screens of simulated agents: each update goes to the bot in that seat; updates for people are dropped. */
public final class SimulatedAgents implements AgentScreen {

    private final Map<AgentId, SimulatedAgent> seats = new ConcurrentHashMap<>();

    public void seat(SimulatedAgent agent) {
        seats.put(agent.id(), agent);
    }

    @Override
    public void show(AgentId agent, AgentUpdate update) {
        SimulatedAgent bot = seats.get(agent);
        if (bot != null) {
            bot.sees(update);
        }
    }
}
