package dev.outdial.engine.pacing;

import dev.outdial.engine.call.AgentFirst;
import dev.outdial.engine.call.CallOrchestrator;
import dev.outdial.engine.call.CallOrchestrator.GatedDial;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentPool;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Starts the work a strategy planned: claims each dispatch's customer and hands it on as the
 * dispatch says (a dial for the pool, a preview, the agent's phone first, or a dial with the agent
 * on the line). A dial made at once is decided in its claim's transaction and placed once that has
 * committed (issue 18: one commit a dial fewer).
 */
final class PlanDispatcher {

    private final long campaignId;
    private final AgentPool agents;
    private final AgentDesk desk;
    private final CallOrchestrator calls;
    private final CustomerClaims claims;
    private final CustomerOffers offers;
    private final HeldPreviews previews;
    private final AgentFirstRings rings;
    private final HeldCustomerDials dials;

    PlanDispatcher(long campaignId, AgentPool agents, AgentDesk desk, CallOrchestrator calls, CustomerClaims claims,
                   CustomerOffers offers, HeldPreviews previews, AgentFirstRings rings, HeldCustomerDials dials) {
        this.campaignId = campaignId;
        this.agents = agents;
        this.desk = desk;
        this.calls = calls;
        this.claims = claims;
        this.offers = offers;
        this.previews = previews;
        this.rings = rings;
        this.dials = dials;
    }

    /**
     * Starts the planned work. Eligibility depends on the agent (a due callback waits for its owner
     * within the grace), so one agent without a customer does not stop the next one's.
     */
    Optional<NotDialing> dispatch(List<Dispatch> plan, Instant now) {
        // The pool's recipient is the same for every pool dial of the round: copying the logged-in
        // agents once per dial was a fifth of a 200-agent day.
        Recipient pool = hasPoolDial(plan) ? Recipient.pool(agents.loggedIn(campaignId)) : null;
        long started = 0;
        boolean poolExhausted = false;
        for (Dispatch dispatch : plan) {
            // A pool dial takes whoever is next for anyone: once one finds nobody, the rest would too.
            if (dispatch.agent().isEmpty() && poolExhausted) {
                continue;
            }
            if (start(dispatch, pool, now)) {
                started++;
            } else if (dispatch.agent().isEmpty()) {
                poolExhausted = true;
            }
        }
        return started == 0 && !plan.isEmpty() ? Optional.of(NotDialing.NO_ELIGIBLE_CUSTOMERS) : Optional.empty();
    }

    /** Whether any dispatch is for the pool; a loop, as every pacing round asks. */
    private static boolean hasPoolDial(List<Dispatch> plan) {
        for (Dispatch dispatch : plan) {
            if (dispatch.agent().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A customer claimed for a dispatch, with its dial when the dispatch dials it at once. */
    private record Claimed(QueuedCustomer customer, Optional<GatedDial> dial) {
    }

    private boolean start(Dispatch dispatch, Recipient pool, Instant now) {
        if (dispatch.agent().isEmpty()) {
            return startForPool(dispatch, pool, now);
        }
        AgentId agent = dispatch.agent().get();
        boolean dialsAtOnce = dispatch.preview().isEmpty() && !(dispatch.connector() instanceof AgentFirst);
        Optional<Claimed> claimed = claims.forAgent(agent, now,
                customer -> claimed(customer, dialsAtOnce, Optional.of(agent), dispatch, now));
        if (claimed.isEmpty()) {
            return false;
        }
        QueuedCustomer customer = claimed.get().customer();
        if (claimed.get().dial().isPresent()) {
            desk.hold(agent, campaignId, customer.customerId());
            dials.place(agent, customer.customerId(), claimed.get().dial().get());
        } else if (dispatch.preview().isEmpty() && customer.previewedByItself()) {
            offers.offerOwnPreview(agent, customer, now);
        } else if (dispatch.preview().isPresent()) {
            offers.offerPreview(agent, customer, now, dispatch.preview().get(), dispatch.connector());
        } else if (dispatch.connector() instanceof AgentFirst first) {
            rings.ring(agent, customer, now, first);
        }
        return true;
    }

    /** A pool dial: the customer is nobody's until they answer and the waiting room finds an agent. */
    private boolean startForPool(Dispatch dispatch, Recipient pool, Instant now) {
        List<Claimed> claimed = claims.forPool(pool.declining(previews.givenBack()), now,
                customer -> claimed(customer, true, Optional.empty(), dispatch, now));
        for (Claimed each : claimed) {
            each.dial().ifPresentOrElse(calls::place, () -> previews.hold(each.customer()));
        }
        return !claimed.isEmpty();
    }

    /** In the claim's transaction: the customer's dial through the gate when the dispatch dials it at once. */
    private Claimed claimed(QueuedCustomer customer, boolean dialsAtOnce, Optional<AgentId> agent, Dispatch dispatch,
                            Instant now) {
        return new Claimed(customer, dialsAtOnce && !customer.previewedByItself()
                ? Optional.of(calls.gateClaimed(customer, agent, dispatch.connector(), now))
                : Optional.empty());
    }
}
