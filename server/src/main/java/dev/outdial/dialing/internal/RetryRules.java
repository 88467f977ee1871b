package dev.outdial.dialing.internal;

import dev.outdial.dialing.CampaignAuditReport.RuleCheck;
import dev.outdial.engine.customer.CallResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit of each customer's calls in turn (issue 18), by the settings in force at each call:
 * "none past maximum calls" and the gap between two calls to the same customer (SPEC §4.3, §7).
 * The contact cycles are read back from the records as the engine's state machine counts them:
 * an unanswered call (no answer, busy, refused, abandoned, machine) is an attempt of the cycle;
 * a reached call whose agent set a callback or "do not call back" starts a new one; business-side
 * errors count no attempt.
 */
final class RetryRules {

    private final SettingsTimeline settings;

    RetryRules(SettingsTimeline settings) {
        this.settings = settings;
    }

    /** Both rules' checks over the campaign's calls, ordered by dial time. */
    List<RuleCheck> check(List<CallAudit.Call> calls) {
        Map<Long, List<CallAudit.Call>> byCustomer = new LinkedHashMap<>();
        calls.forEach(call -> byCustomer.computeIfAbsent(call.customerId(), id -> new ArrayList<>()).add(call));
        List<String> pastMaxCalls = new ArrayList<>();
        List<String> tooSoon = new ArrayList<>();
        byCustomer.values().forEach(customerCalls -> {
            pastMaxCalls.addAll(pastMaxCalls(customerCalls));
            tooSoon.addAll(tooSoon(customerCalls));
        });
        return List.of(
                CallAudit.check("MAX_CALLS_PER_CYCLE",
                        "no customer called past the maximum calls of a contact cycle, as set when each call was placed",
                        pastMaxCalls),
                CallAudit.check("RETRY_GAP",
                        "no customer called again sooner than the gap after a failed call, as set when it ended "
                                + "(system-dialed modes)",
                        tooSoon));
    }

    /** Calls placed when the customer's cycle already had the maximum of unanswered attempts. */
    private List<String> pastMaxCalls(List<CallAudit.Call> calls) {
        List<String> found = new ArrayList<>();
        int attempts = 0;
        for (CallAudit.Call call : calls) {
            int max = settings.maxCallsAt(call.dialingAt());
            if (attempts >= max) {
                found.add("call " + call.id() + " to customer " + call.customerId() + " at " + call.dialingAt()
                        + " came after " + attempts + " unanswered attempt(s) of its cycle; at most " + max + " allowed");
            }
            if (call.result().map(CallResult::consumesAttempt).orElse(false)) {
                attempts++;
            }
            if (call.startsNewCycle()) {
                attempts = 0;
            }
        }
        return found;
    }

    /** Calls placed before the gap after the customer's previous failed call had passed. */
    private List<String> tooSoon(List<CallAudit.Call> calls) {
        List<String> found = new ArrayList<>();
        for (int i = 1; i < calls.size(); i++) {
            CallAudit.Call previous = calls.get(i - 1);
            CallAudit.Call next = calls.get(i);
            boolean failed = previous.result().map(result -> result.consumesAttempt() || result.isBusinessSideError())
                    .orElse(false);
            // A call placed before the previous one ended is CUSTOMER_ON_TWO_CALLS, not a retry.
            if (!failed || previous.endedAt() == null || next.dialingAt().isBefore(previous.endedAt())) {
                continue;
            }
            Duration gap = settings.retryGapAfter(previous.endedAt(), next.ownDialType());
            Instant allowed = previous.endedAt().plus(gap);
            if (next.dialingAt().isBefore(allowed)) {
                found.add("call " + next.id() + " to customer " + next.customerId() + " at " + next.dialingAt() + " came "
                        + Duration.between(previous.endedAt(), next.dialingAt()).toSeconds() + " s after call "
                        + previous.id() + " ended " + previous.result().orElseThrow() + "; the gap was " + gap.toMinutes()
                        + " min");
            }
        }
        return found;
    }
}
