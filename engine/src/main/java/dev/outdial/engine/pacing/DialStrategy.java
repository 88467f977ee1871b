package dev.outdial.engine.pacing;

import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.rules.CallingWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * How many calls to start now, and for whom: one class per dial type (SPEC §5). It only decides;
 * the {@link CampaignRunner}'s {@link PlanDispatcher} claims the customers, and the call orchestration dials and connects
 * them, so a new strategy (predictive: several pool dials per free agent under an abandon-rate
 * guard; autocall: pool dials up to the ceiling with an IVR connector; auto callback: the agent's
 * leg first) plugs in without changing either.
 *
 * <p>Contract: at most {@code view.freeLines()} dispatches, each agent at most once.
 */
public interface DialStrategy {

    List<Dispatch> plan(PacingView view);

    /** Whether agents pull their customers themselves ("Get customer") instead. */
    default boolean agentsPull() {
        return false;
    }

    /** Whether it dials only while an agent is Available in the campaign; autocall dials without any. */
    default boolean needsAgents() {
        return true;
    }

    /**
     * Strategies that dial for the campaign's pool: how long an answered customer waits for an agent
     * before being hung up as ABANDONED. Empty for strategies that dial for one agent.
     */
    default Optional<Duration> maxWait() {
        return Optional.empty();
    }

    /**
     * How long after one plan the next may wait: events in between are served (answered customers
     * to free agents) but not planned for; one round at the end of the gap plans for them all. Zero:
     * every round plans.
     */
    default Duration planGap() {
        return Duration.ZERO;
    }

    /**
     * The campaign dials within {@code window}: told when it is paced first and at every change. A strategy that
     * holds clock hours to a limit pays an overspent hour back only with the answers before the window closes.
     */
    default void dialingWindow(CallingWindow window) {
    }

    /** The business's time zone changed at {@code now}: a strategy that holds a limit in clock hours counts {@code zone}'s. */
    default void zoneChanged(ZoneId zone, Instant now) {
    }

    /** A call of the campaign was connected or ended: what a strategy that learns from the calls observes. */
    default void observe(CallRecord call) {
    }
}
