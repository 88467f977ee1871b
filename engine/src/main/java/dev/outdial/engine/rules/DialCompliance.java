package dev.outdial.engine.rules;

import static dev.outdial.engine.rules.DialVerdict.Reason.ALREADY_ON_CALL;
import static dev.outdial.engine.rules.DialVerdict.Reason.BLOCKED;
import static dev.outdial.engine.rules.DialVerdict.Reason.CONCURRENCY_LIMIT;
import static dev.outdial.engine.rules.DialVerdict.Reason.DNC;
import static dev.outdial.engine.rules.DialVerdict.Reason.PAST_MAX_CALLS;
import static dev.outdial.engine.rules.DialVerdict.Reason.PAUSED;

import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.Hold;
import dev.outdial.engine.customer.MaxCallsPolicy;
import java.time.Instant;
import java.util.Objects;

/**
 * The one question the server and the simulator ask right before every dial. SPEC §7, "never
 * broken, whatever fails": no call to a blacklisted or DNC number; none outside working hours,
 * the campaign's window or the called party's allowed local hours; none past maximum calls; none
 * while the same customer is on another call; the contract concurrency is never exceeded.
 *
 * <p>The first rule that refuses is the verdict, in the order of {@link DialVerdict.Reason}, so
 * the same request always gets the same reason for the audit trail. The contract concurrency comes
 * last and apart ({@link #lineVerdict}): it is checked on the business's open calls as counted when
 * the call's line is opened, under the lock that serialises the business's call starts on every
 * node, the one count that holds across nodes; a count taken before that lock would be a second
 * query per dial that could only be staler (issue 18).
 */
public final class DialCompliance {

    private final CampaignRules rules;
    private final CallingWindow window;
    private final ConcurrencyLimit concurrency;

    public DialCompliance(CampaignRules rules, CallingWindow window, ConcurrencyLimit concurrency) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.window = Objects.requireNonNull(window, "window");
        this.concurrency = Objects.requireNonNull(concurrency, "concurrency");
    }

    /** Every rule but the contract concurrency, which {@link #lineVerdict} checks as the line is opened. */
    public DialVerdict check(DialRequest request, Instant now) {
        CustomerState customer = request.customer();
        if (request.onBlacklist() || customer.holds().contains(Hold.BLACKLIST)) {
            return DialVerdict.refused(BLOCKED, request.calledNumber() + " is on the business's blacklist");
        }
        if (request.onDncRegistry() || customer.holds().contains(Hold.DNC_REGISTRY)) {
            return DialVerdict.refused(DNC, request.calledNumber() + " is in the DNC registry");
        }
        if (customer.holds().contains(Hold.PAUSE)) {
            return DialVerdict.refused(PAUSED, "the customer is paused");
        }
        if (customer.isOnCall()) {
            return DialVerdict.refused(ALREADY_ON_CALL, "the customer is already on a call");
        }
        if (!MaxCallsPolicy.allowsAnotherCall(customer, rules)) {
            return DialVerdict.refused(PAST_MAX_CALLS, customer.cycleAttempts() + " unanswered attempt(s) of at most "
                    + rules.maxCallsPerCustomer() + " in this contact cycle");
        }
        return window.verdict(now, request.calledNumber());
    }

    /**
     * "The contract concurrency is never exceeded": whether another call may start while
     * {@code openCallsOfBusiness} calls of the business (every campaign, manual calls, every node)
     * are open.
     */
    public DialVerdict lineVerdict(int openCallsOfBusiness) {
        if (!concurrency.allowsAnotherCall(openCallsOfBusiness)) {
            return DialVerdict.refused(CONCURRENCY_LIMIT, openCallsOfBusiness + " call(s) open of the contract's "
                    + concurrency.contractLimit());
        }
        return DialVerdict.allowed();
    }
}
