package dev.outdial.engine.pacing;

import dev.outdial.engine.call.CallObserver;
import dev.outdial.engine.call.CallOrchestrator;
import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.call.Connector;
import dev.outdial.engine.call.DialOutcome;
import dev.outdial.engine.call.DispositionOutcome;
import dev.outdial.engine.call.HoldState;
import dev.outdial.engine.call.LapsedClaims;
import dev.outdial.engine.call.RecordingState;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.port.CallDisposition;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.rules.CallingWindow;
import dev.outdial.engine.rules.ConcurrencyLimit;
import dev.outdial.engine.rules.DialVerdict;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One running campaign on the scheduler: what an agent or the server does to it, each public
 * method one such thing returning what became of it as a value. The work is done by one class per
 * job: {@link CampaignPacer} paces it when its {@link BusinessDialer} wakes it and
 * {@link PlanDispatcher} starts what its {@link DialStrategy} planned; {@link CustomerOffers} holds
 * the customers handed to agents (manual, preview), {@link HeldPreviews} those of their own preview
 * mode found by pool dials, {@link AgentFirstRings} auto callback's agent-first legs;
 * {@link LeaseHeartbeat} keeps the leases of the customers it holds alive and gives back what a
 * crashed node left; the {@link CallOrchestrator} dials and connects.
 */
public final class CampaignRunner implements CallObserver {

    /** Its window replaced by {@link #changeWindow}. */
    private CampaignSettings settings;
    private final long campaignId;
    private final DialStrategy strategy;
    private final EnginePorts ports;
    private final AgentDesk desk;
    private final BusinessDialer dialer;
    private final CallOrchestrator calls;
    private final HeldCustomerDials dials;
    private final CustomerOffers offers;
    private final CustomerClaims claims;
    private final HeldPreviews previews;
    private final AgentFirstRings rings;
    private final FreeAgents freeAgents;
    private final CampaignPacer pacer;
    private final LeaseHeartbeat heartbeat;
    private boolean running;
    /** How many customers the last lease beat found held. */
    private int customersLastHeld;

    CampaignRunner(CampaignSettings settings, DialStrategy strategy, ConcurrencyLimit businessLimit, EnginePorts ports,
                   AgentDesk desk, BusinessDialer dialer) {
        this.settings = settings;
        this.campaignId = settings.campaignId();
        this.strategy = strategy;
        this.ports = ports;
        this.desk = desk;
        this.dialer = dialer;
        Scheduler scheduler = ports.scheduler();
        this.calls = new CallOrchestrator(settings, businessLimit, scheduler, ports.telephony(),
                ports.customers(), ports.numberLists(), ports.calls(), ports.screen(), this);
        this.dials = new HeldCustomerDials(campaignId, calls, desk, ports.screen(), scheduler, dialer::wake);
        this.offers = new CustomerOffers(settings, desk, calls, ports.screen(), scheduler, dials);
        this.claims = new CustomerClaims(settings, ports.customers(), ports.agents(), scheduler, offers, ports.calls());
        this.previews = new HeldPreviews(campaignId, ports.agents(), calls, offers, dialer::wake);
        this.rings = new AgentFirstRings(campaignId, calls, desk, ports.screen(), dials);
        this.freeAgents = new FreeAgents(settings, ports.agents(), desk);
        Optional<WaitingRoom> room = strategy.maxWait().map(wait -> new WaitingRoom(scheduler, wait,
                settings.agentAnswerTimeout(), settings.predictive().flatMap(CampaignSettings.Predictive::waitingMusic),
                dialer::wake));
        PlanDispatcher dispatcher = new PlanDispatcher(campaignId, ports.agents(), desk, calls, claims, offers, previews,
                rings, dials);
        this.pacer = new CampaignPacer(settings, strategy, businessLimit, ports, desk, calls, room, previews, freeAgents,
                dispatcher, new WakeUpAlarm(scheduler, dialer::wake), () -> running);
        this.heartbeat = new LeaseHeartbeat(settings, scheduler, calls,
                new LapsedClaims(settings, ports.customers(), ports.calls()), this::customersHeld, () -> running,
                dialer::wake);
    }

    /** The campaign is RUNNING: give back what a crashed node left, then dial. */
    public void start() {
        running = true;
        heartbeat.beat();
        dialer.wake();
    }

    /**
     * The campaign is paused or ended: nothing new is dialed; customers offered and not yet dialed
     * go back; calls up now finish and are disposed as usual.
     */
    public void stop() {
        running = false;
        pacer.stopped();
        offers.withdrawAll("the campaign stopped");
        previews.releaseAll();
    }

    /**
     * The campaign's working hours or the business's time zone changed while it runs: from now on it
     * dials only inside {@code window} ("a campaign dials only inside its working hours", SPEC §2, as
     * they are now), its agents' daily quotas count the days of the window's zone, and it paces again
     * at once, in case the new hours are open now. Calls up finish. Answers whether anything changed:
     * the same window again changes nothing.
     */
    public boolean changeWindow(CallingWindow window) {
        if (window.equals(settings.window())) {
            return false;
        }
        settings = settings.withWindow(window);
        freeAgents.quotaChanged(settings.dailyQuota());
        calls.windowChanged(window);
        pacer.windowChanged(window);
        dialer.wake();
        return true;
    }

    /**
     * The campaign's hotlines changed while it runs (one disabled, renumbered, deleted or added to
     * its group): from now on its calls go out on {@code hotlines}, and with none it waits
     * ({@link NotDialing#NO_HOTLINE_AVAILABLE}). Calls up finish on the line they went out on.
     * Answers whether anything changed: the same hotlines again change nothing.
     */
    public boolean changeHotlines(List<String> hotlines) {
        if (hotlines.equals(settings.hotlines())) {
            return false;
        }
        settings = settings.withHotlines(hotlines);
        calls.hotlinesChanged(settings.hotlines());
        dialer.wake();
        return true;
    }

    /** The window the campaign dials in now. */
    public CallingWindow window() {
        return settings.window();
    }

    /** "The UI shows why it is not dialing"; empty while it dials, or when its agents pull their customers. */
    public Optional<NotDialing> whyNotDialing() {
        return pacer.whyNotDialing();
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
        if (!freeAgents.underQuota(agent, now)) {
            return refusedNext(NextCustomer.Reason.QUOTA_REACHED, "the daily quota of "
                    + settings.dailyQuota().quotaOf(agent).orElseThrow() + " customers is reached");
        }
        return claims.forAgent(agent, now)
                .map(customer -> {
                    offers.offer(agent, customer, now, Connector.agentOnTheLine(agent), Scheduler.Cancellable.NONE,
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
        if (offers.isOffered(agent, customerId)) {
            return offers.dial(agent);
        }
        if (desk.holding(agent).isPresent()) {
            return new DialOutcome.NotPlaced("the agent holds customer " + desk.holding(agent).get().customerId());
        }
        if (!strategy.agentsPull()) {
            return new DialOutcome.NotPlaced("customer " + customerId + " was not handed to " + agent);
        }
        Optional<Transition> claimed = calls.update(customerId, new CustomerInput.Claimed(claims.leaseUntil()));
        if (claimed.isEmpty() || !(claimed.get() instanceof Transition.Applied)) {
            return new DialOutcome.NotPlaced(claimed.map(CampaignRunner::reasonOf).orElse("the customer is not in the campaign"));
        }
        desk.hold(agent, campaignId, customerId);
        return dials.dial(agent, customerId, now(), Connector.agentOnTheLine(agent));
    }

    /** Preview: the agent dials the shown customer at once instead of waiting for the preview time. */
    public DialOutcome dialNow(AgentId agent) {
        return offers.hasOffer(agent) ? offers.dial(agent) : new DialOutcome.NotPlaced(agent + " has no customer offered");
    }

    /** Preview: the agent skips the shown customer; it goes back to the list and is not offered to them again. */
    public boolean skip(AgentId agent) {
        if (!offers.skip(agent)) {
            return false;
        }
        dialer.wake();
        return true;
    }

    /** The agent (or the server for them) hangs up the call. */
    public void hangUp(CallId call) {
        calls.hangUpByAgent(call);
    }

    /** Pauses or resumes the recording of the call; whether it is being recorded. */
    public boolean pauseRecording(CallId call, boolean paused) {
        return calls.pauseRecording(call, paused);
    }

    /** Where the recording of the call stands; empty where it is not being recorded. */
    public Optional<RecordingState> recording(CallId call) {
        return calls.recording(call);
    }

    /** Puts the call on hold or takes it off; whether it could: it is put through to its agent and up. */
    public boolean hold(CallId call, boolean onHold) {
        return calls.hold(call, onHold);
    }

    /** The agent's phone put the call on hold or took it off; whether it is put through to its agent and up. */
    public boolean phoneHolds(CallId call, boolean held) {
        return calls.phoneHolds(call, held);
    }

    /** Whether the call is on hold, and by what; empty where it is not put through to its agent or has ended. */
    public Optional<HoldState> hold(CallId call) {
        return calls.hold(call);
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
        if (ports.agents().available(campaignId).contains(agent)) {
            return;
        }
        offers.withdraw(agent, "the agent left the campaign");
        rings.agentLeft(agent);
    }

    /** One pacing round: why not, or what the strategy starts now. */
    void pace() {
        pacer.pace();
    }

    /** Customers this node holds for the campaign: their leases are its to renew. */
    private Set<Long> customersHeld() {
        // Made as large as the last beat's at once: grown from empty, its table was copied five times a beat.
        Set<Long> held = HashSet.newHashSet(customersLastHeld);
        desk.addCustomersHeldIn(campaignId, held);
        calls.addCustomersOnCallsTo(held);
        previews.addCustomerIdsTo(held);
        customersLastHeld = held.size();
        return held;
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
}
