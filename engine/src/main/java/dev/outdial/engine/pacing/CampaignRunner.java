package dev.outdial.engine.pacing;

import dev.outdial.engine.call.AgentFirst;
import dev.outdial.engine.call.CallObserver;
import dev.outdial.engine.call.CallOrchestrator;
import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.call.Connector;
import dev.outdial.engine.call.DialOutcome;
import dev.outdial.engine.call.DispositionOutcome;
import dev.outdial.engine.call.LapsedClaims;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.port.CallDisposition;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.rules.ConcurrencyLimit;
import dev.outdial.engine.rules.DailyQuota;
import dev.outdial.engine.rules.DialVerdict;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One running campaign on the scheduler: paces it with its {@link DialStrategy} when its
 * {@link BusinessDialer} wakes it, hands customers to agents (offers, manual "Get customer"),
 * dials through the {@link CallOrchestrator}, starts agents' wrap-up, keeps the leases of the
 * customers it holds alive, and gives back what a crashed node left. Each public method is one
 * thing an agent or the server does; each returns what became of it as a value.
 */
public final class CampaignRunner implements CallObserver {

    /** A customer handed to an agent and not yet dialed: manual, until the agent dials; preview, until its time. */
    private record Offer(QueuedCustomer customer, Instant queuedAt, Connector connector, Scheduler.Cancellable autoDial) {
    }

    /** The connector strategies that dial for one agent never use: they have no waiting room. */
    private static final Connector NO_POOL = call -> {
        throw new IllegalStateException("this campaign's strategy does not dial for a pool");
    };

    /** How long a customer of its own preview mode is shown when its campaign has no preview time of its own. */
    static final Duration OWN_PREVIEW_TIME = Duration.ofSeconds(15);

    private final CampaignSettings settings;
    private final long campaignId;
    private final DialStrategy strategy;
    private final ConcurrencyLimit businessLimit;
    private final EnginePorts ports;
    private final AgentDesk desk;
    private final BusinessDialer dialer;
    private final CallOrchestrator calls;
    private final LapsedClaims lapsedClaims;
    private final Optional<WaitingRoom> room;
    private final Map<AgentId, Offer> offers = new HashMap<>();
    private final Map<AgentId, Set<Long>> skipped = new HashMap<>();
    /** Customers of their own preview mode claimed by a pool dial (SPEC §4.3), held until an agent is free to preview them. */
    private final Deque<QueuedCustomer> previewsDue = new ArrayDeque<>();
    /** Such customers given back because enough are held already: pool dials leave them until those are previewed. */
    private final Set<Long> previewsLater = new HashSet<>();
    /** Auto callback: agents whose phone rings before their customer is dialed, and the leg that rings. */
    private final Map<AgentId, CallId> ringingFirst = new HashMap<>();
    private boolean running;
    private Optional<NotDialing> notDialing = Optional.of(NotDialing.CAMPAIGN_NOT_RUNNING);
    private Scheduler.Cancellable heartbeat = Scheduler.Cancellable.NONE;
    private Scheduler.Cancellable wakeUp = Scheduler.Cancellable.NONE;
    private Optional<Instant> wakeUpAt = Optional.empty();

    CampaignRunner(CampaignSettings settings, DialStrategy strategy, ConcurrencyLimit businessLimit, EnginePorts ports,
                   AgentDesk desk, BusinessDialer dialer) {
        this.settings = settings;
        this.campaignId = settings.campaignId();
        this.strategy = strategy;
        this.businessLimit = businessLimit;
        this.ports = ports;
        this.desk = desk;
        this.dialer = dialer;
        this.calls = new CallOrchestrator(settings, businessLimit, ports.scheduler(), ports.telephony(),
                ports.customers(), ports.numberLists(), ports.calls(), ports.screen(), this);
        this.lapsedClaims = new LapsedClaims(settings, ports.customers(), ports.calls());
        this.room = strategy.maxWait().map(wait -> new WaitingRoom(ports.scheduler(), wait,
                settings.agentAnswerTimeout(), settings.predictive().flatMap(CampaignSettings.Predictive::waitingMusic),
                dialer::wake));
    }

    /** The campaign is RUNNING: give back what a crashed node left, then dial. */
    public void start() {
        running = true;
        keepLeasesAlive();
        dialer.wake();
    }

    /**
     * The campaign is paused or ended: nothing new is dialed; customers offered and not yet dialed
     * go back; calls up now finish and are disposed as usual.
     */
    public void stop() {
        running = false;
        notDialing = Optional.of(NotDialing.CAMPAIGN_NOT_RUNNING);
        wakeUp.cancel();
        wakeUpAt = Optional.empty();
        Set.copyOf(offers.keySet()).forEach(agent -> withdraw(agent, "the campaign stopped"));
        previewsDue.forEach(customer -> calls.update(customer.customerId(), new CustomerInput.Released()));
        previewsDue.clear();
        previewsLater.clear();
    }

    /** "The UI shows why it is not dialing"; empty while it dials, or when its agents pull their customers. */
    public Optional<NotDialing> whyNotDialing() {
        return notDialing;
    }

    /** Manual "Get customer": the next eligible customer for the agent, or why there is none. */
    public NextCustomer next(AgentId agent) {
        Instant now = now();
        if (!strategy.agentsPull()) {
            return refusedNext(NextCustomer.Reason.NOT_A_MANUAL_CAMPAIGN, "customers of this campaign are distributed by the system");
        }
        if (!running) {
            return refusedNext(NextCustomer.Reason.CAMPAIGN_NOT_RUNNING, "the campaign is not running");
        }
        if (settings.window().campaignVerdict(now) instanceof DialVerdict.Refused refused) {
            return refusedNext(refused.reason() == DialVerdict.Reason.BEFORE_START
                    ? NextCustomer.Reason.NOT_STARTED_YET : NextCustomer.Reason.OUTSIDE_WORKING_HOURS, refused.detail());
        }
        if (desk.holding(agent).isPresent()) {
            return refusedNext(NextCustomer.Reason.PREVIOUS_NOT_PROCESSED,
                    "customer " + desk.holding(agent).get().customerId() + " is not processed yet");
        }
        if (!underQuota(agent, now)) {
            return refusedNext(NextCustomer.Reason.QUOTA_REACHED, "the daily quota of "
                    + settings.dailyQuota().quotaOf(agent).orElseThrow() + " customers is reached");
        }
        return claimFor(agent, now)
                .map(customer -> {
                    offer(agent, customer, now, Connector.agentOnTheLine(agent), Scheduler.Cancellable.NONE,
                            Optional.empty());
                    return (NextCustomer) new NextCustomer.Handed(customer);
                })
                .orElseGet(() -> refusedNext(NextCustomer.Reason.NOTHING_ELIGIBLE, "no customer is eligible now"));
    }

    /**
     * Click to call: the agent dials the customer they were handed, or, manual, redials the customer
     * they just called "at once while attempts remain".
     */
    public DialOutcome dial(AgentId agent, long customerId) {
        Offer offer = offers.get(agent);
        if (offer != null && offer.customer().customerId() == customerId) {
            return dialOffer(agent);
        }
        if (desk.holding(agent).isPresent()) {
            return new DialOutcome.NotPlaced("the agent holds customer " + desk.holding(agent).get().customerId());
        }
        if (!strategy.agentsPull()) {
            return new DialOutcome.NotPlaced("customer " + customerId + " was not handed to " + agent);
        }
        Optional<Transition> claimed = calls.update(customerId, new CustomerInput.Claimed(leaseUntil()));
        if (claimed.isEmpty() || !(claimed.get() instanceof Transition.Applied)) {
            return new DialOutcome.NotPlaced(claimed.map(CampaignRunner::reasonOf).orElse("the customer is not in the campaign"));
        }
        desk.hold(agent, campaignId, customerId);
        return dialHeld(agent, customerId, now(), Connector.agentOnTheLine(agent));
    }

    /** Preview: the agent dials the shown customer at once instead of waiting for the preview time. */
    public DialOutcome dialNow(AgentId agent) {
        return offers.containsKey(agent) ? dialOffer(agent) : new DialOutcome.NotPlaced(agent + " has no customer offered");
    }

    /** Preview: the agent skips the shown customer; it goes back to the list and is not offered to them again. */
    public boolean skip(AgentId agent) {
        Offer offer = offers.get(agent);
        if (offer == null) {
            return false;
        }
        skipped.computeIfAbsent(agent, ignored -> new HashSet<>()).add(offer.customer().customerId());
        withdraw(agent, "skipped");
        dialer.wake();
        return true;
    }

    /** The agent (or the server for them) hangs up the call. */
    public void hangUp(CallId call) {
        calls.hangUp(call);
    }

    /** The agent's word on a reached call; the agent is then free for the next customer once out of wrap-up. */
    public DispositionOutcome dispose(CallId call, CallDisposition disposition) {
        Optional<AgentId> agent = calls.awaitingDisposition(call).flatMap(CallRecord::agent);
        DispositionOutcome outcome = calls.dispose(call, disposition);
        if (outcome instanceof DispositionOutcome.Disposed) {
            agent.ifPresent(taker -> desk.release(taker, now()));
            dialer.wake();
        }
        return outcome;
    }

    public CallOrchestrator calls() {
        return calls;
    }

    @Override
    public void connected(CallRecord call) {
        // The agent holds the customer already; nothing changes hands until the call ends.
        strategy.observe(call);
    }

    @Override
    public void ended(CallRecord call, boolean dispositionDue) {
        strategy.observe(call);
        Instant now = now();
        call.agent().ifPresent(agent -> {
            if (!dispositionDue) {
                desk.release(agent, now);
            }
            // Wrap-up follows a conversation, not a phone that never answered; manual ignores it (SPEC §4.1).
            if (call.connectedAt().isPresent() && !strategy.agentsPull() && !settings.wrapUp().isZero()) {
                Instant until = now.plus(settings.wrapUp());
                desk.startWrapUp(agent, until);
                ports.screen().show(agent, new AgentUpdate.WrapUpStarted(campaignId, until));
                ports.scheduler().at(until, dialer::wake);
            }
        });
        dialer.wake();
    }

    /** Gives back the customer offered to {@code agent} if they are no longer Available in the campaign. */
    void checkPresence(AgentId agent) {
        boolean present = ports.agents().available(campaignId).contains(agent);
        if (offers.containsKey(agent) && !present) {
            withdraw(agent, "the agent left the campaign");
        }
        // Auto callback: an agent who leaves while their phone rings takes no customer; it goes back.
        if (ringingFirst.containsKey(agent) && !present) {
            calls.hangUp(ringingFirst.remove(agent));
        }
    }

    /** One pacing round: why not, or what the strategy starts now. */
    void pace() {
        Instant now = now();
        notDialing = reasonNotToDial(now);
        // Customers already answered come first, whatever else the round decides.
        room.filter(WaitingRoom::hasCustomersInLine).ifPresent(waiting -> waiting.serve(freeAgents(now), this::holdForWaiting,
                this::offerUnanswered));
        if (notDialing.isEmpty()) {
            offerPreviewsDue(now);
        }
        if (notDialing.isEmpty() && !strategy.agentsPull()) {
            List<AgentId> free = freeAgents(now);
            List<AgentId> available = List.copyOf(ports.agents().available(campaignId));
            int lines = freeLines();
            Optional<Instant> hotlinesBack = calls.hotlinesSkippedUntil(now);
            // Pool dials count on agents about to finish too, so only an empty campaign stops them.
            if (strategy.needsAgents() && (room.isPresent() ? available.isEmpty() : free.isEmpty())) {
                notDialing = Optional.of(NotDialing.NO_AGENTS_AVAILABLE);
            } else if (hotlinesBack.isPresent()) {
                notDialing = Optional.of(NotDialing.NO_HOTLINE_AVAILABLE);
                wakeUpAt(hotlinesBack.get());
            } else if (lines == 0) {
                notDialing = Optional.of(NotDialing.CONCURRENCY_LIMIT_REACHED);
            } else {
                PacingView view = new PacingView(now, free, lines, calls.openCalls(), available,
                        room.map(WaitingRoom::waiting).orElse(0), room.<Connector>map(waiting -> waiting)
                        .orElse(NO_POOL));
                notDialing = dispatch(strategy.plan(view), now)
                        .or(() -> strategy.needsAgents() && free.size() > lines
                                ? Optional.of(NotDialing.CONCURRENCY_LIMIT_REACHED) : Optional.empty());
            }
        }
        if (running) {
            ports.customers().nextDueAfter(campaignId, now).ifPresent(this::wakeUpAt);
        }
    }

    /**
     * Starts the planned work. Eligibility depends on the agent (a due callback waits for its owner
     * within the grace), so one agent without a customer does not stop the next one's.
     */
    private Optional<NotDialing> dispatch(List<Dispatch> plan, Instant now) {
        // The pool's recipient is the same for every pool dial of the round: copying the logged-in
        // agents once per dial was a fifth of a 200-agent day.
        Recipient pool = plan.stream().anyMatch(dispatch -> dispatch.agent().isEmpty())
                ? Recipient.pool(ports.agents().loggedIn(campaignId)) : null;
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

    private Optional<NotDialing> reasonNotToDial(Instant now) {
        if (!running) {
            return Optional.of(NotDialing.CAMPAIGN_NOT_RUNNING);
        }
        if (!(settings.window().campaignVerdict(now) instanceof DialVerdict.Refused refused)) {
            return Optional.empty();
        }
        return Optional.of(switch (refused.reason()) {
            case BEFORE_START -> {
                wakeUpAt(settings.window().start());
                yield NotDialing.NOT_STARTED_YET;
            }
            case AFTER_END -> NotDialing.ENDED;
            default -> {
                settings.window().workingHours().nextOpening(now).ifPresent(this::wakeUpAt);
                yield NotDialing.OUTSIDE_WORKING_HOURS;
            }
        });
    }

    /** The customer answered and the agent is the one offered it: theirs until the call is processed. */
    private void holdForWaiting(AgentId agent, long customerId) {
        desk.hold(agent, campaignId, customerId);
        ports.agents().received(agent, campaignId, customerId, now());
    }

    /** The agent let the offer ring out: their screen stops showing it, and the customer goes to the next agent. */
    private void offerUnanswered(AgentId agent) {
        desk.holding(agent).ifPresent(held -> ports.screen().show(agent,
                new AgentUpdate.OfferWithdrawn(campaignId, held.customerId(), "not answered in time")));
        desk.release(agent, now());
    }

    /** A pool dial: the customer is nobody's until they answer and the waiting room finds an agent. */
    private boolean startForPool(Dispatch dispatch, Recipient pool, Instant now) {
        List<QueuedCustomer> claimed = ports.customers().claimNext(campaignId, pool.declining(previewsLater), 1, now,
                leaseUntil());
        for (QueuedCustomer customer : claimed) {
            if (customer.previewedByItself()) {
                holdForPreview(customer);
            } else {
                calls.dial(customer.customerId(), Optional.empty(), dispatch.connector(), now);
            }
        }
        return !claimed.isEmpty();
    }

    /**
     * A customer of its own preview mode found by a pool dial waits, claimed, for a free agent; no
     * more are held than agents could preview at once, the others go back until then.
     */
    private void holdForPreview(QueuedCustomer customer) {
        if (previewsDue.size() < Math.max(1, ports.agents().available(campaignId).size())) {
            previewsDue.addLast(customer);
            // A free agent may preview it in the next round rather than at the next call's end.
            dialer.wake();
        } else {
            calls.update(customer.customerId(), new CustomerInput.Released());
            previewsLater.add(customer.customerId());
        }
    }

    /** Free agents preview the held customers first, longest idle first; the pool dials for the rest. */
    private void offerPreviewsDue(Instant now) {
        if (previewsDue.isEmpty()) {
            return;
        }
        for (AgentId agent : freeAgents(now)) {
            // Not back to an agent who skipped the customer: another agent previews it.
            Set<Long> declined = skipped.getOrDefault(agent, Set.of());
            Optional<QueuedCustomer> customer = previewsDue.stream()
                    .filter(held -> !declined.contains(held.customerId())).findFirst();
            customer.ifPresent(chosen -> {
                previewsDue.remove(chosen);
                ports.agents().received(agent, campaignId, chosen.customerId(), now);
                offerPreview(agent, chosen, now);
            });
        }
        if (previewsDue.isEmpty()) {
            previewsLater.clear();
        }
    }

    /** "Shows it for the preview time, then dials (the agent may dial at once)", the agent on the line. */
    private void offerPreview(AgentId agent, QueuedCustomer customer, Instant now) {
        Duration preview = settings.previewTime().isZero() ? OWN_PREVIEW_TIME : settings.previewTime();
        Scheduler.Cancellable autoDial = ports.scheduler().at(now.plus(preview), () -> dialOffer(agent));
        offer(agent, customer, now, Connector.agentOnTheLine(agent), autoDial, Optional.of(now.plus(preview)));
    }

    private boolean start(Dispatch dispatch, Recipient pool, Instant now) {
        if (dispatch.agent().isEmpty()) {
            return startForPool(dispatch, pool, now);
        }
        AgentId agent = dispatch.agent().get();
        Optional<QueuedCustomer> claimed = claimFor(agent, now);
        if (claimed.isEmpty()) {
            return false;
        }
        QueuedCustomer customer = claimed.get();
        if (dispatch.preview().isEmpty() && customer.previewedByItself()) {
            offerPreview(agent, customer, now);
        } else if (dispatch.preview().isPresent()) {
            Scheduler.Cancellable autoDial = ports.scheduler().at(now.plus(dispatch.preview().get()), () -> dialOffer(agent));
            offer(agent, customer, now, dispatch.connector(), autoDial, Optional.of(now.plus(dispatch.preview().get())));
        } else if (dispatch.connector() instanceof AgentFirst first) {
            ringAgentFirst(agent, customer, now, first);
        } else {
            desk.hold(agent, campaignId, customer.customerId());
            dialHeld(agent, customer.customerId(), now, dispatch.connector());
        }
        return true;
    }

    /** Auto callback: the customer is the agent's while their phone rings; dialed once they answer. */
    private void ringAgentFirst(AgentId agent, QueuedCustomer customer, Instant now, AgentFirst first) {
        long customerId = customer.customerId();
        desk.hold(agent, campaignId, customerId);
        ports.screen().show(agent, new AgentUpdate.CustomerOffered(campaignId, customerId, customer.phoneNumber(),
                Optional.empty()));
        CallId leg = calls.ringAgentFirst(customerId, agent, first.answerTimeout(), now,
                () -> ringingFirst.remove(agent), reason -> {
                    ringingFirst.remove(agent);
                    desk.release(agent, now());
                    ports.screen().show(agent, new AgentUpdate.OfferWithdrawn(campaignId, customerId, reason));
                    dialer.wake();
                });
        ringingFirst.put(agent, leg);
    }

    private Optional<QueuedCustomer> claimFor(AgentId agent, Instant now) {
        Recipient recipient = Recipient.agent(agent, ports.agents().loggedIn(campaignId))
                .declining(skipped.getOrDefault(agent, Set.of()));
        List<QueuedCustomer> claimed = ports.customers().claimNext(campaignId, recipient, 1, now, leaseUntil());
        claimed.forEach(customer -> ports.agents().received(agent, campaignId, customer.customerId(), now));
        return claimed.stream().findFirst();
    }

    private void offer(AgentId agent, QueuedCustomer customer, Instant now, Connector connector,
                       Scheduler.Cancellable autoDial, Optional<Instant> dialsAt) {
        desk.hold(agent, campaignId, customer.customerId());
        offers.put(agent, new Offer(customer, now, connector, autoDial));
        ports.screen().show(agent, new AgentUpdate.CustomerOffered(campaignId, customer.customerId(),
                customer.phoneNumber(), dialsAt));
    }

    private DialOutcome dialOffer(AgentId agent) {
        Offer offer = offers.remove(agent);
        if (offer == null) {
            return new DialOutcome.NotPlaced(agent + " has no customer offered");
        }
        offer.autoDial().cancel();
        return dialHeld(agent, offer.customer().customerId(), offer.queuedAt(), offer.connector());
    }

    private DialOutcome dialHeld(AgentId agent, long customerId, Instant queuedAt, Connector connector) {
        DialOutcome outcome = calls.dial(customerId, Optional.of(agent), connector, queuedAt);
        if (!outcome.isPlaced()) {
            // The gate released the customer with its reason; the agent is free for another.
            desk.release(agent, now());
            ports.screen().show(agent, new AgentUpdate.OfferWithdrawn(campaignId, customerId, describe(outcome)));
            dialer.wake();
        }
        return outcome;
    }

    private void withdraw(AgentId agent, String reason) {
        Offer offer = offers.remove(agent);
        if (offer == null) {
            return;
        }
        offer.autoDial().cancel();
        long customerId = offer.customer().customerId();
        calls.update(customerId, new CustomerInput.Released());
        desk.release(agent, now());
        ports.screen().show(agent, new AgentUpdate.OfferWithdrawn(campaignId, customerId, reason));
    }

    /** Agents who may take a customer now, longest idle first; ties by id so a seed replays the same day. */
    private List<AgentId> freeAgents(Instant now) {
        return ports.agents().available(campaignId).stream()
                .filter(agent -> desk.isFree(agent, now) && underQuota(agent, now))
                .sorted(Comparator.comparing(desk::freeSince).thenComparing(AgentId::value))
                .toList();
    }

    private boolean underQuota(AgentId agent, Instant now) {
        DailyQuota quota = settings.dailyQuota();
        if (quota.quotaOf(agent).isEmpty()) {
            return true;
        }
        DailyQuota.QuotaDay today = quota.dayOf(now);
        return quota.allowsAnother(agent, ports.agents().customersReceived(agent, campaignId, today.start(), today.end()));
    }

    /** Calls that may still start: the business's contract limit and the campaign's own ceiling, whichever is tighter. */
    private int freeLines() {
        int business = businessLimit.freeLines(ports.calls().openCalls(settings.businessId()));
        return settings.maxConcurrentCalls().stream().map(ceiling -> Math.max(0, ceiling - calls.openCalls()))
                .reduce(business, Math::min);
    }

    /**
     * Renews the leases this node holds and expires those that lapsed elsewhere; again well before
     * the lease runs out. A stopped campaign keeps renewing while its last calls are up, so nobody
     * closes a call that is still talking.
     */
    private void keepLeasesAlive() {
        Instant now = now();
        Set<Long> held = new HashSet<>(desk.customersHeldIn(campaignId));
        held.addAll(calls.customersOnCalls());
        previewsDue.forEach(customer -> held.add(customer.customerId()));
        heartbeat.cancel();
        if (!running && held.isEmpty()) {
            return;
        }
        for (long customerId : held) {
            calls.update(customerId, new CustomerInput.LeaseRenewed(leaseUntil()));
        }
        if (running && lapsedClaims.expire(now, held) > 0) {
            dialer.wake();
        }
        heartbeat = ports.scheduler().after(settings.lease().dividedBy(3), () -> {
            keepLeasesAlive();
            dialer.wake();
        });
    }

    private void wakeUpAt(Instant when) {
        if (wakeUpAt.filter(scheduled -> !scheduled.isAfter(when)).isPresent()) {
            return;
        }
        wakeUp.cancel();
        wakeUpAt = Optional.of(when);
        wakeUp = ports.scheduler().at(when, () -> {
            wakeUpAt = Optional.empty();
            dialer.wake();
        });
    }

    private Instant leaseUntil() {
        return now().plus(settings.lease());
    }

    private Instant now() {
        return ports.scheduler().now();
    }

    private static NextCustomer refusedNext(NextCustomer.Reason reason, String detail) {
        return new NextCustomer.Refused(reason, detail);
    }

    private static String reasonOf(Transition transition) {
        return transition instanceof Transition.Rejected rejected ? rejected.reason() : "applied";
    }

    private static String describe(DialOutcome outcome) {
        return switch (outcome) {
            case DialOutcome.Refused refused -> refused.verdict().reason() + ": " + refused.verdict().detail();
            case DialOutcome.NotPlaced notPlaced -> notPlaced.reason();
            case DialOutcome.Placed placed -> "placed";
        };
    }
}
