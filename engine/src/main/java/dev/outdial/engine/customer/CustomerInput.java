package dev.outdial.engine.customer;

import java.time.Instant;
import java.util.Objects;

/** What can happen to a customer of a campaign: the inputs of {@link CustomerLifecycle}. */
public sealed interface CustomerInput {

    /** Taken for a call: distributed to an agent, or picked by the system to dial, under a lease. */
    record Claimed(Instant leaseUntil) implements CustomerInput {
        public Claimed {
            Objects.requireNonNull(leaseUntil, "leaseUntil");
        }
    }

    /**
     * A call to the customer was placed; it counts as an attempt whatever its result. The caller
     * asks {@code dev.outdial.engine.rules.DialCompliance} right before dialing; the state machine
     * itself only refuses a dial of a customer nobody claimed or one already on a call.
     */
    record Dialed() implements CustomerInput {
    }

    /**
     * The holder of the claim is alive and keeps it until {@code leaseUntil}: a call or an agent's
     * hold on a customer can outlast any fixed lease, and only a holder that stopped renewing
     * (crashed) should lose its customers.
     */
    record LeaseRenewed(Instant leaseUntil) implements CustomerInput {
        public LeaseRenewed {
            Objects.requireNonNull(leaseUntil, "leaseUntil");
        }
    }

    /** The claim is given back without a call (the agent skipped the customer or closed the campaign). */
    record Released() implements CustomerInput {
    }

    /** The call ended with a technical result. */
    record CallEnded(CallResult result) implements CustomerInput {
        public CallEnded {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * The claim's lease lapsed: its holder crashed or lost its session. An open call is closed as
     * {@link CallResult#NETWORK_ERROR}, which consumes no attempt.
     */
    record LeaseExpired() implements CustomerInput {
    }

    /** The agent's word on a reached call, given once the call has ended. */
    sealed interface Disposition extends CustomerInput {
    }

    /** "Completed calls: normally completed calls or calls with customers with no need." */
    record Done() implements Disposition {
    }

    /** "The agent sets up a callback appointment … choosing an appropriate time." */
    record CallbackAt(Instant appointment, AgentId agent) implements Disposition {
        public CallbackAt {
            Objects.requireNonNull(appointment, "appointment");
            Objects.requireNonNull(agent, "agent");
        }
    }

    /** "The agent sets up not to call back the customer." */
    record DoNotCallBack() implements Disposition {
    }

    /** An admin or supervisor paused this customer. */
    record Paused() implements CustomerInput {
    }

    /** An admin or supervisor started the paused customer again: "start returns it to where it was". */
    record Started() implements CustomerInput {
    }

    /** The number was added to the business's blacklist. */
    record Blacklisted() implements CustomerInput {
    }

    /** The number was removed from the business's blacklist. */
    record Unblacklisted() implements CustomerInput {
    }

    /** The number was found in the DNC registry. */
    record DncRegistered() implements CustomerInput {
    }

    /** The number is no longer in the DNC registry. */
    record DncRemoved() implements CustomerInput {
    }
}
