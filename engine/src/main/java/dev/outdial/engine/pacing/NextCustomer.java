package dev.outdial.engine.pacing;

import dev.outdial.engine.rules.QueuedCustomer;

/** The answer to a manual agent's "Get customer": the customer, or why there is none (issue 5: 409 with the reason). */
public sealed interface NextCustomer {

    record Handed(QueuedCustomer customer) implements NextCustomer {
    }

    record Refused(Reason reason, String detail) implements NextCustomer {
    }

    enum Reason {
        /** "A new customer only after the previous one is processed." */
        PREVIOUS_NOT_PROCESSED,
        QUOTA_REACHED,
        CAMPAIGN_NOT_RUNNING,
        NOT_STARTED_YET,
        OUTSIDE_WORKING_HOURS,
        NOTHING_ELIGIBLE,
        /** Only manual campaigns hand customers on request; the others distribute them. */
        NOT_A_MANUAL_CAMPAIGN
    }
}
