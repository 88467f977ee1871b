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
import dev.outdial.agent.UserAccount;
import dev.outdial.agent.UserAccounts;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.settings.CallClassification;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.engine.sim.Distribution;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Role;
import dev.outdial.shared.Violations;
import java.time.Duration;
import java.util.List;
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
    private final Campaigns campaigns;
    private final UserAccounts users;
    private final CallClassifications classifications;
    private final Random random = new Random();

    /** At most this many bots per request, and this long a wrap-up: a load test, not a denial of service. */
    static final int MAX_SEATS = 2000;
    static final int MAX_WRAP_UP_SECONDS = 600;

    SimulatedAgentSeats(EngineThread engine, LiveDialers dialers, AgentSessions sessions, LiveTelephony telephony,
                        SimulatedAgents seats, Campaigns campaigns, UserAccounts users,
                        CallClassifications classifications) {
        this.engine = engine;
        this.dialers = dialers;
        this.sessions = sessions;
        this.carrier = telephony.simulatedCarrier();
        this.seats = seats;
        this.campaigns = campaigns;
        this.users = users;
        this.classifications = classifications;
    }

    /**
     * {@code POST /api/v1/sim/agents} (issue 18's load benchmark): the admin seats bots as the
     * business's agents in a RUNNING progressive or predictive campaign. Each answers its line at
     * once, and ends each reached call "done" with the business's first reached classification after
     * {@code wrapUpSeconds}. Returns how many took their seat.
     */
    public int seatAll(long businessId, SimulatedSeating seating) {
        if (!available()) {
            throw new ConflictException("dialing.sim.not-simulated-agents");
        }
        Violations violations = new Violations();
        if (violations.check(seating.campaignId() != null, "campaignId", "validation.required")) {
            try {
                violations.check(campaigns.get(businessId, seating.campaignId()).status() == CampaignStatus.RUNNING,
                        "campaignId", "dialing.sim.agents.not-running", seating.campaignId());
            } catch (NotFoundException unknown) {
                violations.add("campaignId", "dialing.sim.agents.unknown-campaign", seating.campaignId());
            }
        }
        List<Long> agents = seating.agentIds() == null ? List.of() : seating.agentIds();
        if (violations.check(!agents.isEmpty(), "agentIds", "validation.required")
                && violations.check(agents.size() <= MAX_SEATS, "agentIds", "dialing.sim.agents.too-many", MAX_SEATS)) {
            for (int i = 0; i < agents.size(); i++) {
                violations.check(isAgent(businessId, agents.get(i)), "agentIds[" + i + "]", "dialing.sim.agents.not-agent",
                        agents.get(i));
            }
        }
        Integer wrapUp = seating.wrapUpSeconds();
        violations.check(wrapUp == null || (wrapUp >= 0 && wrapUp <= MAX_WRAP_UP_SECONDS), "wrapUpSeconds",
                "validation.range", 0, MAX_WRAP_UP_SECONDS);
        violations.throwIfAny();
        long reached = classifications.list(businessId).stream().filter(CallClassification::reached)
                .map(CallClassification::id).findFirst().orElseThrow();
        AgentBehaviour behaviour = new AgentBehaviour(Distribution.constant(Duration.ZERO),
                Distribution.constant(Duration.ZERO), Distribution.constant(Duration.ofSeconds(wrapUp == null ? 0 : wrapUp)),
                AgentBehaviour.done(String.valueOf(reached)));
        return seat(businessId, seating.campaignId(), agents, behaviour);
    }

    private boolean isAgent(long businessId, Long userId) {
        if (userId == null) {
            return false;
        }
        try {
            UserAccount user = users.get(businessId, userId);
            return user.role() == Role.AGENT && user.enabled();
        } catch (NotFoundException unknown) {
            return false;
        }
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
        return seat(businessId, campaignId, List.of(userId), behaviour) == 1;
    }

    /**
     * Seats bots as agents {@code userIds} in the running campaign, all in one task of the business's
     * engine lane (a lane busy dialing would make each seat wait its turn); none when the campaign does
     * not run on this node. A bot already at work in the campaign here keeps its seat (so a benchmark may
     * seat every campaign again after a node moved businesses). Returns how many sit in their seat.
     */
    private int seat(long businessId, long campaignId, List<Long> userIds, AgentBehaviour behaviour) {
        SimulatedCarrier simulated = carrier.orElseThrow(() -> new IllegalStateException(
                "bots answer on the simulated carrier: outdial.telephony.mode must be sim"));
        return engine.call(businessId, () -> {
            Optional<CampaignRunner> runner = dialers.runner(campaignId);
            if (runner.isEmpty()) {
                return 0;
            }
            for (long userId : userIds) {
                AgentId agent = AgentId.of(String.valueOf(userId));
                if (seats.seated(agent, campaignId, runner.get())) {
                    continue; // seated again: the bot at work keeps its seat, its call and its state
                }
                SimulatedAgent bot = new SimulatedAgent(agent, engine.lane(businessId), simulated, behaviour, random);
                bot.works(campaignId, runner.get(), false);
                seats.seat(bot);
                sessions.open(agent, campaignId);
                sessions.setAvailable(agent, true);
            }
            dialers.wake(businessId);
            return userIds.size();
        });
    }
}
