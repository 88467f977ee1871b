package dev.outdial.ticket.internal;

import dev.outdial.ticket.TicketEvent;
import dev.outdial.ticket.Trigger;
import org.springframework.stereotype.Component;

/**
 * Runs the business's enabled triggers on a ticket event. Called by the ticket service inside the
 * ticket's transaction rather than through an event listener, so the ticket and what its triggers
 * did are committed together: a callback request is never saved without its customer.
 */
@Component
public class TriggerEngine {

    private final TriggerRepository triggers;
    private final AddCustomerToCampaign addCustomer;

    TriggerEngine(TriggerRepository triggers, AddCustomerToCampaign addCustomer) {
        this.triggers = triggers;
        this.addCustomer = addCustomer;
    }

    public void run(TicketEvent event) {
        for (Trigger trigger : triggers.enabled(event.businessId())) {
            if (trigger.matches(event)) {
                trigger.actions().forEach(action -> perform(action, event));
            }
        }
    }

    private void perform(Trigger.Action action, TicketEvent event) {
        switch (action.type()) {
            case ADD_CUSTOMER_TO_CAMPAIGN -> addCustomer.run(event.businessId(), event.ticket(), action.campaignId());
        }
    }
}
