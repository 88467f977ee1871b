package dev.outdial.dialing;

import dev.outdial.call.CallView;
import dev.outdial.call.DialingCalls;
import dev.outdial.call.Dispositions;
import dev.outdial.campaign.AgentAssignments;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.settings.CallClassification;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.campaign.settings.Question;
import dev.outdial.campaign.settings.Script;
import dev.outdial.customer.CampaignCustomer;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.dialing.internal.EngineThread;
import dev.outdial.dialing.internal.LiveDialers;
import dev.outdial.engine.pacing.AgentDesk;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What the agent's execution screen shows (SPEC §5, the workspace page): the campaign with its
 * script and the business's classifications for the disposition form, and the customer the agent
 * works with their call history in the campaign. An agent sees only the customers distributed to
 * them ("see only the customers distributed to them and their own history", SPEC §1).
 */
@Service
public class ExecutionScreens {

    /**
     * The campaign as its execution screen needs it, and the customer the agent holds in it, if any,
     * so a screen opened again (or the page reloaded) shows them at once.
     */
    public record Screen(Campaign campaign, List<Question> questions, List<CallClassification> classifications,
                         Long heldCustomerId) {
    }

    /** A customer and the agent's calls to them in the campaign, newest first. */
    public record CustomerCard(CampaignCustomer customer, List<CallView> history) {
    }

    private final AgentAssignments assignments;
    private final Dispositions dispositions;
    private final CallClassifications classifications;
    private final CampaignCustomers customers;
    private final DialingCalls calls;
    private final EngineThread engine;
    private final LiveDialers dialers;

    ExecutionScreens(AgentAssignments assignments, Dispositions dispositions, CallClassifications classifications,
                     CampaignCustomers customers, DialingCalls calls,
                     EngineThread engine, LiveDialers dialers) {
        this.assignments = assignments;
        this.dispositions = dispositions;
        this.classifications = classifications;
        this.customers = customers;
        this.calls = calls;
        this.engine = engine;
        this.dialers = dialers;
    }

    /** The campaign's screen; 404 when the campaign is not the agent's. Agents classify reached calls only. */
    public Screen screen(CurrentUser me, long campaignId) {
        Campaign campaign = assignments.campaignOf(me.businessId(), me.id(), campaignId);
        List<Question> questions = dispositions.scriptOf(me.businessId(), campaign).map(Script::questions)
                .orElse(List.of());
        List<CallClassification> reached = classifications.list(me.businessId()).stream()
                .filter(CallClassification::reached).toList();
        Long held = engine.call(me.businessId(), () -> dialers.holding(me.businessId(), AgentWork.agentOf(me)))
                .filter(holding -> holding.campaignId() == campaignId).map(AgentDesk.Holding::customerId).orElse(null);
        return new Screen(campaign, questions, reached, held);
    }

    /** The customer the agent holds or has called in the campaign; 404 for anyone else's. */
    public CustomerCard customer(CurrentUser me, long campaignId, long customerId) {
        assignments.campaignOf(me.businessId(), me.id(), campaignId);
        CampaignCustomer customer = customers.get(me.businessId(), campaignId, customerId);
        List<CallView> history = calls.ofCampaign(me.businessId(), campaignId, me.id())
                .stream().filter(call -> call.customerId() == customerId).map(CallView::of).toList();
        boolean holdsIt = engine.call(me.businessId(),
                () -> dialers.holds(me.businessId(), AgentWork.agentOf(me), campaignId, customerId));
        if (!holdsIt && history.isEmpty()) {
            throw new NotFoundException("customer", customerId);
        }
        return new CustomerCard(customer, history);
    }
}
