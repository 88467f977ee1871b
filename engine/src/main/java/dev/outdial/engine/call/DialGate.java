package dev.outdial.engine.call;

import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerLifecycle;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.port.CallLog;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.LineRequest;
import dev.outdial.engine.port.CustomerStore;
import dev.outdial.engine.port.NumberLists;
import dev.outdial.engine.rules.CallingWindow;
import dev.outdial.engine.rules.ConcurrencyLimit;
import dev.outdial.engine.rules.DialCompliance;
import dev.outdial.engine.rules.DialRequest;
import dev.outdial.engine.rules.DialVerdict;
import dev.outdial.engine.rules.QueuedCustomer;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The last step before a dial: {@link DialCompliance} on the customer as stored now, with the
 * blacklist and DNC registry looked up now, and the {@code Dialed} transition stored in the same
 * compare-and-set, so nothing can slip in between the check and the dial. The call's line is taken
 * before that ({@link CallLog#openLine}): the call is recorded open in the same step that counts the
 * business's open calls on every node and checks that this node still paces the business, so
 * neither another node's calls nor a lost lease can slip in either. That count is the contract
 * concurrency's only one ({@link DialCompliance#lineVerdict}): it is taken under the lease row's
 * lock, which every start of the business waits for, where a count before it (once asked as part of
 * the compliance check) could only be older, never stricter (issue 18). SPEC §7: never broken, whatever fails. The whole passage is one transaction of the
 * log ({@link CallLog#atomically}): the customer read, the lists looked up, the line opened and the
 * customer marked dialed commit together, once, instead of once each, and with the customer's claim
 * where the pacing claims it for this dial (issue 18).
 */
final class DialGate {

    /** What the gate let through, or why it stopped the dial. */
    sealed interface Passage {
    }

    /** The customer as stored once marked dialed, and its call recorded open as {@code opened}: the call may be placed. */
    record Passed(QueuedCustomer customer, CallRecord opened) implements Passage {
    }

    record Stopped(DialOutcome outcome) implements Passage {
    }

    private static final int MAX_CONFLICTS = 10;

    private final CampaignSettings settings;
    /** Built again when the campaign's window changes; read on the campaign's lane, as it is changed. */
    private DialCompliance compliance;
    private final CustomerStore store;
    private final CustomerUpdates updates;
    private final NumberLists lists;
    private final CallLog log;
    private final ConcurrencyLimit businessLimit;

    DialGate(CampaignSettings settings, ConcurrencyLimit businessLimit, CustomerStore store, CustomerUpdates updates,
             NumberLists lists, CallLog log) {
        this.settings = settings;
        this.compliance = new DialCompliance(settings.rules(), settings.window(), businessLimit);
        this.store = store;
        this.updates = updates;
        this.lists = lists;
        this.log = log;
        this.businessLimit = businessLimit;
    }

    /** From now on the campaign's dials are judged by {@code window}. */
    void windowChanged(CallingWindow window) {
        compliance = new DialCompliance(settings.rules(), window, businessLimit);
    }

    /**
     * The customer's passage; call in a transaction of the log ({@link CallLog#atomically}), and place
     * the call only once it has committed. {@code callToPlace}: the call that would be placed to the
     * customer, under the name it keeps.
     */
    Passage pass(long customerId, Instant now, Function<QueuedCustomer, CallRecord> callToPlace) {
        for (int conflict = 0; conflict < MAX_CONFLICTS; conflict++) {
            Optional<QueuedCustomer> stored = store.find(settings.campaignId(), customerId);
            if (stored.isEmpty()) {
                return new Stopped(new DialOutcome.NotPlaced("the customer is no longer in the campaign"));
            }
            QueuedCustomer customer = stored.get();
            if (compliance.check(requestFor(customer), now) instanceof DialVerdict.Refused refused) {
                refuse(customer, refused, now);
                return new Stopped(new DialOutcome.Refused(refused));
            }
            Transition dialed = CustomerLifecycle.apply(customer.state(), new CustomerInput.Dialed(), settings.rules(), now);
            switch (dialed) {
                case Transition.Rejected rejected -> {
                    return new Stopped(new DialOutcome.NotPlaced(rejected.reason()));
                }
                case Transition.Applied applied -> {
                    CallRecord opened = callToPlace.apply(customer);
                    Optional<Stopped> noLine = openLine(customer, opened, now);
                    if (noLine.isPresent()) {
                        return noLine.get();
                    }
                    if (store.record(settings.campaignId(), customerId, customer.state(), applied)) {
                        return new Passed(customer.withState(applied.state()), opened);
                    }
                    log.cancelLine(opened.id());
                }
            }
        }
        throw new IllegalStateException("customer " + customerId + " changed " + MAX_CONFLICTS + " times before its dial");
    }

    /**
     * Takes the call's line: refused like any dial over the contract limit when the business's
     * calls on every node fill it; not placed when this node no longer paces the business (the
     * customer goes back, for the node that paces it now).
     */
    private Optional<Stopped> openLine(QueuedCustomer customer, CallRecord opened, Instant now) {
        return switch (log.openLine(opened, businessLimit.contractLimit())) {
            case LineRequest.Granted granted -> Optional.empty();
            case LineRequest.OverLimit over -> {
                // The log found no line free under the same limit, so the verdict on its count refuses.
                DialVerdict.Refused refused = (DialVerdict.Refused) compliance.lineVerdict(over.openCalls());
                refuse(customer, refused, now);
                yield Optional.of(new Stopped(new DialOutcome.Refused(refused)));
            }
            case LineRequest.Fenced fenced -> {
                if (customer.state().isClaimed() && !customer.state().isOnCall()) {
                    updates.apply(customer.customerId(), new CustomerInput.Released(), now);
                }
                yield Optional.of(new Stopped(new DialOutcome.NotPlaced(fenced.detail())));
            }
        };
    }

    private DialRequest requestFor(QueuedCustomer customer) {
        String number = customer.phoneNumber();
        NumberLists.Listing listing = lists.lookUp(settings.businessId(), number);
        return new DialRequest(customer.state(), number, listing.blacklisted(), listing.inDncRegistry());
    }

    /**
     * "Refused → release the customer with the reason, nothing dialed." A number found on a list
     * now is put on hold too, so the customer shows BLOCKED or DNC and is not claimed again.
     */
    private void refuse(QueuedCustomer customer, DialVerdict.Refused refused, Instant now) {
        log.recordRefusal(settings.campaignId(), customer.customerId(), customer.phoneNumber(), now, refused);
        long id = customer.customerId();
        switch (refused.reason()) {
            case BLOCKED -> updates.apply(id, new CustomerInput.Blacklisted(), now);
            case DNC -> updates.apply(id, new CustomerInput.DncRegistered(), now);
            default -> { }
        }
        if (customer.state().isClaimed() && !customer.state().isOnCall()) {
            updates.apply(id, new CustomerInput.Released(), now);
        }
    }
}
