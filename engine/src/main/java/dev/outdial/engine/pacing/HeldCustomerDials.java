package dev.outdial.engine.pacing;

import dev.outdial.engine.call.CallOrchestrator;
import dev.outdial.engine.call.Connector;
import dev.outdial.engine.call.DialOutcome;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentScreen;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.port.Scheduler;
import java.time.Instant;
import java.util.Optional;

/**
 * Dials the customer an agent holds. A dial the gate does not place frees the agent for another
 * customer at once and tells their screen why.
 */
final class HeldCustomerDials {

    private final long campaignId;
    private final CallOrchestrator calls;
    private final AgentDesk desk;
    private final AgentScreen screen;
    private final Scheduler scheduler;
    private final Runnable wake;

    HeldCustomerDials(long campaignId, CallOrchestrator calls, AgentDesk desk, AgentScreen screen, Scheduler scheduler,
                      Runnable wake) {
        this.campaignId = campaignId;
        this.calls = calls;
        this.desk = desk;
        this.screen = screen;
        this.scheduler = scheduler;
        this.wake = wake;
    }

    DialOutcome dial(AgentId agent, long customerId, Instant queuedAt, Connector connector) {
        return placed(agent, customerId, calls.dial(customerId, Optional.of(agent), connector, queuedAt));
    }

    /** Places the dial the agent's claim decided ({@link CallOrchestrator#gateClaimed}), its transaction committed. */
    DialOutcome place(AgentId agent, long customerId, CallOrchestrator.GatedDial dial) {
        return placed(agent, customerId, calls.place(dial));
    }

    private DialOutcome placed(AgentId agent, long customerId, DialOutcome outcome) {
        if (!outcome.isPlaced()) {
            // The gate released the customer with its reason; the agent is free for another.
            freeAgent(agent, customerId, describe(outcome));
        }
        return outcome;
    }

    /** The agent's customer was not dialed for them: they are free for another, and their screen says why. */
    void freeAgent(AgentId agent, long customerId, String reason) {
        desk.release(agent, scheduler.now());
        screen.show(agent, new AgentUpdate.OfferWithdrawn(campaignId, customerId, reason));
        wake.run();
    }

    private static String describe(DialOutcome outcome) {
        return switch (outcome) {
            case DialOutcome.Refused refused -> refused.verdict().reason() + ": " + refused.verdict().detail();
            case DialOutcome.NotPlaced notPlaced -> notPlaced.reason();
            case DialOutcome.Placed placed -> "placed";
        };
    }
}
