package dev.outdial.dialing.internal;

import dev.outdial.call.CallEnded;
import dev.outdial.call.CallStatistics;
import dev.outdial.dialing.AgentState;
import dev.outdial.dialing.AgentStates;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.shared.GaugeSeries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The dialer's metrics (Micrometer, scraped at {@code /actuator/prometheus}), tagged by
 * {@code business} and {@code campaign} ids: calls placed, answered, connected and ended by
 * technical result (counted as each call ends), the customer's wait for an agent and the agent's
 * idle time between calls (histograms), and, refreshed every {@code outdial.metrics.refresh} for
 * the campaigns this node dials, open calls by phase, agents by state and lines per available
 * agent (gauges); the dialer leases this node holds. {@code MetricsConfig} bounds the tags' cardinality.
 */
@Component
class DialerMetrics {

    /** Where customer waits and agent idle times fall: enough to read a percentile, few series. */
    private static final Duration[] BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(15)};
    private static final Logger log = LoggerFactory.getLogger(DialerMetrics.class);

    private final MeterRegistry registry;
    private final LiveDialers dialers;
    private final CallStatistics calls;
    private final AgentStates agents;
    private final GaugeSeries openCalls;
    private final GaugeSeries agentsByState;
    private final GaugeSeries linesPerAgent;
    /** When each agent's last call ended, to time their idle wait for the next. */
    private final Map<Long, Instant> lastCallEnded = new ConcurrentHashMap<>();

    DialerMetrics(MeterRegistry registry, LiveDialers dialers, CallStatistics calls, AgentStates agents,
                  PacerLeases leases) {
        this.registry = registry;
        this.dialers = dialers;
        this.calls = calls;
        this.agents = agents;
        this.openCalls = new GaugeSeries(registry, "outdial.calls.open", "Calls not ended yet, by phase");
        this.agentsByState = new GaugeSeries(registry, "outdial.agents", "A campaign's agents, by state");
        this.linesPerAgent = new GaugeSeries(registry, "outdial.dialer.lines.per.available.agent",
                "Open calls per available agent: the pacing ratio at work");
        Gauge.builder("outdial.dialer.leases", leases, held -> held.held().size())
                .description("Businesses whose dialer this node runs").tag("node", leases.node()).register(registry);
    }

    @EventListener
    void on(CallEnded ended) {
        Tags campaign = Tags.of("business", String.valueOf(ended.businessId()), "campaign",
                String.valueOf(ended.campaignId()));
        registry.counter("outdial.calls.placed", campaign).increment();
        if (ended.answeredAt() != null) {
            registry.counter("outdial.calls.answered", campaign).increment();
        }
        if (ended.connectedAt() != null) {
            registry.counter("outdial.calls.connected", campaign).increment();
        }
        registry.counter("outdial.calls.ended", campaign.and("result", String.valueOf(ended.result()))).increment();
        if (ended.howEnded() != null) {
            // Lines lost against hung up: what an alert on dropped calls watches.
            registry.counter("outdial.calls.hung.up", campaign.and("how", ended.howEnded())).increment();
        }
        // A customer answered and waited for an agent: until one connected, or until they gave up.
        if (ended.answeredAt() != null && (ended.connectedAt() != null || "ABANDONED".equals(ended.result()))) {
            Instant waitEnd = ended.connectedAt() != null ? ended.connectedAt() : ended.endedAt();
            timer("outdial.customer.wait", "How long an answered customer waited for an agent", campaign)
                    .record(nonNegative(Duration.between(ended.answeredAt(), waitEnd)));
        }
        if (ended.agentId() != null && ended.connectedAt() != null) {
            Instant previous = lastCallEnded.put(ended.agentId(), ended.endedAt());
            if (previous != null && ended.connectedAt().isAfter(previous)) {
                timer("outdial.agent.idle", "An agent's time from one call's end to the next connection", campaign)
                        .record(Duration.between(previous, ended.connectedAt()));
            }
        }
    }

    @Scheduled(fixedDelayString = "${outdial.metrics.refresh:PT15S}")
    void refreshGauges() {
        try {
            Map<Tags, Integer> callRows = new HashMap<>();
            Map<Tags, Integer> agentRows = new HashMap<>();
            Map<Tags, Double> ratioRows = new HashMap<>();
            for (Map.Entry<Long, Set<Long>> business : dialers.startedHere().entrySet()) {
                for (long campaignId : business.getValue()) {
                    Tags campaign = Tags.of("business", String.valueOf(business.getKey()), "campaign",
                            String.valueOf(campaignId));
                    Map<CallRecord.Phase, Integer> open = calls.openCalls(business.getKey(), campaignId);
                    for (CallRecord.Phase phase : CallRecord.Phase.values()) {
                        if (phase != CallRecord.Phase.ENDED) {
                            callRows.put(campaign.and("phase", phase.name()), open.getOrDefault(phase, 0));
                        }
                    }
                    Map<AgentState, Integer> states = agents.ofCampaign(business.getKey(), campaignId);
                    for (AgentState state : AgentState.values()) {
                        agentRows.put(campaign.and("state", state.name()), states.getOrDefault(state, 0));
                    }
                    int available = states.getOrDefault(AgentState.AVAILABLE, 0);
                    if (available > 0) {
                        int lines = open.values().stream().mapToInt(Integer::intValue).sum();
                        ratioRows.put(campaign, (double) lines / available);
                    }
                }
            }
            // A campaign no longer dialed here loses its series.
            openCalls.set(callRows);
            agentsByState.set(agentRows);
            linesPerAgent.set(ratioRows);
        } catch (RuntimeException failure) {
            log.warn("Dialer gauges not refreshed; the next round tries again", failure);
        }
    }

    private Timer timer(String name, String description, Tags tags) {
        return Timer.builder(name).description(description).tags(tags).serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
