package dev.outdial.dialing;

import dev.outdial.dialing.internal.AgentSessions;
import dev.outdial.dialing.internal.EngineThread;
import dev.outdial.dialing.internal.LiveDialers;
import dev.outdial.dialing.internal.LiveTelephony;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.engine.sim.SimulatedAgent;
import dev.outdial.engine.sim.SimulatedAgents;
import dev.outdial.engine.sim.SimulatedCarrier;
import java.util.Optional;
import java.util.Random;
import org.springframework.stereotype.Service;

/**
 * Bots in agents' seats on the live server (issue 5's demo: "simulated agents (bots that answer,
 * talk, classify)"): the engine's {@link SimulatedAgent}, Available with a campaign open, picking up
 * its leg on the simulated carrier and giving its word through the same runner methods the agent
 * API calls. A seat lives in this node's memory, like any agent's presence: seat them again after
 * a restart. Only in sim mode: a bot answers its leg on the simulated carrier.
 */
@Service
public class SimulatedAgentSeats {

    private final EngineThread engine;
    private final LiveDialers dialers;
    private final AgentSessions sessions;
    private final Optional<SimulatedCarrier> carrier;
    private final SimulatedAgents seats;
    private final Random random = new Random();

    SimulatedAgentSeats(EngineThread engine, LiveDialers dialers, AgentSessions sessions, LiveTelephony telephony,
                        SimulatedAgents seats) {
        this.engine = engine;
        this.dialers = dialers;
        this.sessions = sessions;
        this.carrier = telephony.simulatedCarrier();
        this.seats = seats;
    }

    /** Whether bots can be seated: only on the simulated carrier ({@code outdial.telephony.mode=sim}). */
    public boolean available() {
        return carrier.isPresent();
    }

    /**
     * Seats a bot as agent {@code userId} in the running campaign; false when the campaign does not
     * run on this node. Only system-dialed campaigns: a bot answers what it is given. Only in sim
     * mode ({@link #available()}).
     */
    public boolean seat(long businessId, long campaignId, long userId, AgentBehaviour behaviour) {
        SimulatedCarrier simulated = carrier.orElseThrow(() -> new IllegalStateException(
                "bots answer on the simulated carrier: outdial.telephony.mode must be sim"));
        AgentId agent = AgentId.of(String.valueOf(userId));
        return engine.call(() -> {
            Optional<CampaignRunner> runner = dialers.runner(campaignId);
            if (runner.isEmpty()) {
                return false;
            }
            SimulatedAgent bot = new SimulatedAgent(agent, engine, simulated, behaviour, random);
            bot.works(campaignId, runner.get(), false);
            seats.seat(bot);
            sessions.open(agent, campaignId);
            sessions.setAvailable(agent, true);
            dialers.wake(businessId);
            return true;
        });
    }
}
