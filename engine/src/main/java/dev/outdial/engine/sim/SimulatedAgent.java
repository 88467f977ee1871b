package dev.outdial.engine.sim;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.pacing.CampaignRunner;
import dev.outdial.engine.pacing.NextCustomer;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * A bot in an agent's seat: answers its leg after a delay, talks until the customer hangs up,
 * classifies after a while, and, in a manual campaign, clicks "Get customer" and dials. It does
 * what a person does through the server's API, through the same engine methods, so a simulation
 * exercises the code the agent's page calls.
 */
public final class SimulatedAgent {

    /** How long a manual agent waits before asking again when there was no customer for them. */
    private static final Duration ASK_AGAIN_AFTER = Duration.ofMinutes(1);

    private final AgentId id;
    private final Scheduler scheduler;
    private final SimulatedCarrier carrier;
    private final AgentBehaviour behaviour;
    private final Random random;
    private final Map<Long, CampaignRunner> campaigns = new HashMap<>();
    private long manualCampaign = -1;
    private final Function<AgentUpdate.CallEnded, Optional<Duration>> drawnDispositionDelay;

    public SimulatedAgent(AgentId id, Scheduler scheduler, SimulatedCarrier carrier, AgentBehaviour behaviour,
                          Random random) {
        this(id, scheduler, carrier, behaviour, random, ended -> Optional.empty());
    }

    /**
     * A bot whose time to dispose of a reached call is {@code drawnDispositionDelay}'s when it has one
     * (drawn with the call in a benchmark day, so the {@code oracle} knows it), else the behaviour's.
     */
    public SimulatedAgent(AgentId id, Scheduler scheduler, SimulatedCarrier carrier, AgentBehaviour behaviour,
                          Random random, Function<AgentUpdate.CallEnded, Optional<Duration>> drawnDispositionDelay) {
        this.drawnDispositionDelay = drawnDispositionDelay;
        this.id = id;
        this.scheduler = scheduler;
        this.carrier = carrier;
        this.behaviour = behaviour;
        this.random = random;
        carrier.connectPhone(id, this::ringing);
    }

    public AgentId id() {
        return id;
    }

    /** The agent works this campaign; manual: they start asking for customers. */
    public void works(long campaignId, CampaignRunner runner, boolean pullsCustomers) {
        campaigns.put(campaignId, runner);
        if (pullsCustomers) {
            manualCampaign = campaignId;
            after(behaviour.thinkTime(), this::askForCustomer);
        }
    }

    /**
     * Whether the agent works this campaign under this runner: a node that lost a business's lease and
     * took it back runs the campaign with a new runner, which the bot seated before does not serve.
     */
    public boolean worksUnder(long campaignId, CampaignRunner runner) {
        return campaigns.get(campaignId) == runner;
    }

    /** What the engine shows on the agent's screen. */
    public void sees(AgentUpdate update) {
        CampaignRunner runner = campaigns.get(update.campaignId());
        if (runner == null) {
            return;
        }
        switch (update) {
            case AgentUpdate.CustomerOffered offered when offered.dialsAt().isEmpty() ->
                    after(behaviour.thinkTime(), () -> runner.dial(id, offered.customerId()));
            case AgentUpdate.CallEnded ended when ended.dispositionDue() ->
                    scheduler.after(drawnDispositionDelay.apply(ended)
                            .orElseGet(() -> behaviour.dispositionDelay().sample(random)), () -> {
                        runner.dispose(ended.call(), behaviour.classifier().classify(id, ended, scheduler.now(), random));
                        askAgainIfManual(ended.campaignId());
                    });
            case AgentUpdate.CallEnded ended -> askAgainIfManual(ended.campaignId());
            case AgentUpdate.OfferWithdrawn withdrawn -> askAgainIfManual(withdrawn.campaignId());
            default -> { }
        }
    }

    private void ringing(CallId leg) {
        after(behaviour.answerDelay(), () -> carrier.answer(leg));
    }

    private void askAgainIfManual(long campaignId) {
        if (campaignId == manualCampaign) {
            after(behaviour.thinkTime(), this::askForCustomer);
        }
    }

    private void askForCustomer() {
        NextCustomer next = campaigns.get(manualCampaign).next(id);
        if (next instanceof NextCustomer.Refused refused
                && refused.reason() != NextCustomer.Reason.PREVIOUS_NOT_PROCESSED) {
            scheduler.after(ASK_AGAIN_AFTER, this::askForCustomer);
        }
    }

    private void after(Distribution delay, Runnable action) {
        scheduler.after(delay.sample(random), action);
    }
}
