package dev.outdial.engine.sim;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.pacing.CampaignRunner;
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

    /** Whether a bot sits in the agent's seat working the campaign under this runner. */
    public boolean seated(AgentId agent, long campaignId, CampaignRunner runner) {
        SimulatedAgent bot = seats.get(agent);
        return bot != null && bot.worksUnder(campaignId, runner);
    }

    @Override
    public void show(AgentId agent, AgentUpdate update) {
        SimulatedAgent bot = seats.get(agent);
        if (bot != null) {
            bot.sees(update);
        }
    }
}
