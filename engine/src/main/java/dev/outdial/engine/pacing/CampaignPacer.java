package dev.outdial.engine.pacing;

import dev.outdial.engine.call.ActiveCall;
import dev.outdial.engine.call.CallOrchestrator;
import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.call.Connector;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentUpdate;
import dev.outdial.engine.rules.CallingWindow;
import dev.outdial.engine.rules.ConcurrencyLimit;
import dev.outdial.engine.rules.DialVerdict;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * One campaign's pacing rounds: the answered customers in line go to free agents first, then held
 * previews, then what the strategy plans for the free agents and lines, or why nothing is dialed.
 */
final class CampaignPacer {

    /** The connector strategies that dial for one agent never use: they have no waiting room. */
    private static final Connector NO_POOL = call -> {
        throw new IllegalStateException("this campaign's strategy does not dial for a pool");
    };

    /** Its window replaced when the campaign's working hours or their zone change while it runs. */
    private CampaignSettings settings;
    private final long campaignId;
    private final DialStrategy strategy;
    private final ConcurrencyLimit businessLimit;
    private final EnginePorts ports;
    private final AgentDesk desk;
    private final CallOrchestrator calls;
    private final Optional<WaitingRoom> room;
    private final HeldPreviews previews;
    private final FreeAgents freeAgents;
    private final PlanDispatcher dispatcher;
    private final WakeUpAlarm alarm;
    private final BooleanSupplier running;
    private Optional<NotDialing> notDialing = Optional.of(NotDialing.CAMPAIGN_NOT_RUNNING);
    private Set<AgentId> availableSeen;
    private List<AgentId> availableList = List.of();
    /** The strategy plans again from then ({@link DialStrategy#planGap}); rounds before serve the waiting only. */
    private Instant nextPlan = Instant.MIN;
    /** Why the last plan dialed nothing, if it did not: the rounds within its gap say the same. */
    private Optional<NotDialing> lastPlanned = Optional.empty();

    CampaignPacer(CampaignSettings settings, DialStrategy strategy, ConcurrencyLimit businessLimit, EnginePorts ports,
                  AgentDesk desk, CallOrchestrator calls, Optional<WaitingRoom> room, HeldPreviews previews,
                  FreeAgents freeAgents, PlanDispatcher dispatcher, WakeUpAlarm alarm, BooleanSupplier running) {
        this.settings = settings;
        this.campaignId = settings.campaignId();
        this.strategy = strategy;
        this.businessLimit = businessLimit;
        this.ports = ports;
        this.desk = desk;
        this.calls = calls;
        this.room = room;
        this.previews = previews;
        this.freeAgents = freeAgents;
        this.dispatcher = dispatcher;
        this.alarm = alarm;
        this.running = running;
        strategy.dialingWindow(settings.window());
    }

    /** "The UI shows why it is not dialing"; empty while it dials, or when its agents pull their customers. */
    Optional<NotDialing> whyNotDialing() {
        return notDialing;
    }

    /** From the next round on, the campaign dials only inside {@code window}. */
    void windowChanged(CallingWindow window) {
        ZoneId zone = window.workingHours().zone();
        if (!zone.equals(settings.zone())) {
            strategy.zoneChanged(zone, ports.scheduler().now());
        }
        settings = settings.withWindow(window);
        strategy.dialingWindow(window);
        alarm.cancel();
    }

    /** The campaign stopped: no round is due, and that is why it does not dial. */
    void stopped() {
        notDialing = Optional.of(NotDialing.CAMPAIGN_NOT_RUNNING);
        alarm.cancel();
    }

    /** One pacing round: why not, or what the strategy starts now. */
    void pace() {
        Instant now = ports.scheduler().now();
        notDialing = reasonNotToDial(now);
        // Customers already answered come first, whatever else the round decides.
        room.filter(WaitingRoom::hasCustomersInLine).ifPresent(waiting -> waiting.serve(freeAgents.at(now),
                this::holdForWaiting, this::offerUnanswered));
        if (notDialing.isEmpty() && !previews.isEmpty()) {
            previews.offerTo(freeAgents.at(now), now);
        }
        if (notDialing.isEmpty() && !strategy.agentsPull()) {
            List<AgentId> available = availableAgents();
            Optional<Instant> hotlinesBack = calls.hotlinesSkippedUntil(now);
            // Pool dials count on agents about to finish too, so only an empty campaign stops them.
            if (strategy.needsAgents() && (room.isPresent() ? available.isEmpty() : freeAgents.at(now).isEmpty())) {
                notDialing = Optional.of(NotDialing.NO_AGENTS_AVAILABLE);
            } else if (!calls.hasHotline()) {
                // No alarm: a hotline enabled again reaches the campaign with a wake-up.
                notDialing = Optional.of(NotDialing.NO_HOTLINE_AVAILABLE);
            } else if (hotlinesBack.isPresent()) {
                notDialing = Optional.of(NotDialing.NO_HOTLINE_AVAILABLE);
                alarm.at(hotlinesBack.get());
            } else if (now.isBefore(nextPlan)) {
                // Planned a moment ago: the round at the end of the strategy's gap plans for what came since.
                notDialing = lastPlanned;
                alarm.at(nextPlan);
            } else {
                // The lines are counted only for a plan: the business's calls are the database's count on a
                // server, and most rounds end above (a busy progressive team, a predictive plan's gap).
                plan(freeLines(), available, now);
            }
        }
        if (running.getAsBoolean()) {
            ports.customers().nextDueAfter(campaignId, now).ifPresent(alarm::at);
        }
    }

    /** What the strategy starts within {@code lines}, or why it starts nothing. */
    private void plan(int lines, List<AgentId> available, Instant now) {
        if (lines == 0) {
            notDialing = Optional.of(NotDialing.CONCURRENCY_LIMIT_REACHED);
            return;
        }
        nextPlan = now.plus(strategy.planGap());
        List<AgentId> free = freeAgents.at(now);
        PacingView view = new PacingView(now, free, lines, calls.openCalls(), available,
                room.map(WaitingRoom::waiting).orElse(0), room.<Connector>map(waiting -> waiting).orElse(NO_POOL));
        notDialing = dispatcher.dispatch(strategy.plan(view), now)
                .or(() -> strategy.needsAgents() && free.size() > lines
                        ? Optional.of(NotDialing.CONCURRENCY_LIMIT_REACHED) : Optional.empty());
        lastPlanned = notDialing;
    }

    private Optional<NotDialing> reasonNotToDial(Instant now) {
        if (!running.getAsBoolean()) {
            return Optional.of(NotDialing.CAMPAIGN_NOT_RUNNING);
        }
        if (!(settings.window().campaignVerdict(now) instanceof DialVerdict.Refused refused)) {
            return Optional.empty();
        }
        return Optional.of(switch (refused.reason()) {
            case BEFORE_START -> {
                alarm.at(settings.window().start());
                yield NotDialing.NOT_STARTED_YET;
            }
            case AFTER_END -> NotDialing.ENDED;
            default -> {
                settings.window().workingHours().nextOpening(now).ifPresent(alarm::at);
                yield NotDialing.OUTSIDE_WORKING_HOURS;
            }
        });
    }

    /**
     * The customer answered and the agent is the one offered it: theirs until the call is processed.
     * An agent without a daily quota has the receipt committed with the call's next save (its
     * connection, or its end), not alone: a commit fewer a call (issue 18). One with a quota has it
     * committed now, as the quota is asked again as soon as they are free, which an offer let ring out
     * makes them before that save.
     */
    private void holdForWaiting(AgentId agent, ActiveCall call) {
        long customerId = call.record().customerId();
        Instant now = ports.scheduler().now();
        desk.hold(agent, campaignId, customerId);
        Runnable receipt = () -> ports.agents().received(agent, campaignId, customerId, now);
        if (freeAgents.hasQuota(agent)) {
            receipt.run();
        } else {
            call.commitWithNextSave(receipt);
        }
    }

    /** The agent let the offer ring out: their screen stops showing it, and the customer goes to the next agent. */
    private void offerUnanswered(AgentId agent) {
        desk.holding(agent).ifPresent(held -> ports.screen().show(agent,
                new AgentUpdate.OfferWithdrawn(campaignId, held.customerId(), "not answered in time")));
        desk.release(agent, ports.scheduler().now());
    }

    /**
     * The campaign's Available agents as a list, copied only when the pool gives another set: the
     * pool keeps its set until presence changes, and copying 200 agents every round showed.
     */
    private List<AgentId> availableAgents() {
        Set<AgentId> available = ports.agents().available(campaignId);
        if (available != availableSeen) {
            availableSeen = available;
            availableList = List.copyOf(available);
        }
        return availableList;
    }

    /** Calls that may still start: the business's contract limit and the campaign's own ceiling, whichever is tighter. */
    private int freeLines() {
        int business = businessLimit.freeLines(ports.calls().openCalls(settings.businessId()));
        // Every pacing round asks: no stream of the one optional ceiling.
        return settings.maxConcurrentCalls().isPresent()
                ? Math.min(business, Math.max(0, settings.maxConcurrentCalls().getAsInt() - calls.openCalls()))
                : business;
    }
}
