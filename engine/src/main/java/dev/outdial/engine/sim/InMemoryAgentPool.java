package dev.outdial.engine.sim;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.AgentPool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Agents' presence and received customers in memory, for the simulator and tests. */
public final class InMemoryAgentPool implements AgentPool {

    /** Sets in id order, so a simulation walks agents in the same order every run. */
    private static final Comparator<AgentId> BY_ID = Comparator.comparing(AgentId::value);

    private final Map<Long, Set<AgentId>> loggedIn = new HashMap<>();
    private final Set<AgentId> available = new HashSet<>();
    private final Map<String, List<Instant>> received = new HashMap<>();
    /**
     * Each campaign's Available agents, worked out once per change of presence: every pacing round
     * asks, and ranking 200 agents by id on every round was most of a simulated day's time.
     */
    private final Map<Long, Set<AgentId>> availableByCampaign = new HashMap<>();
    private final Map<Long, Set<AgentId>> loggedInCopies = new HashMap<>();

    /** The agent opens the campaign's execution screen. */
    public void logIn(AgentId agent, long campaignId) {
        loggedIn.computeIfAbsent(campaignId, ignored -> new TreeSet<>(BY_ID))
                .add(agent);
        availableByCampaign.clear();
        loggedInCopies.clear();
    }

    /** The agent closes the campaign's execution screen. */
    public void logOut(AgentId agent, long campaignId) {
        loggedIn.getOrDefault(campaignId, Set.of()).remove(agent);
        availableByCampaign.clear();
        loggedInCopies.clear();
    }

    /** The agent's Available / Not available switch. */
    public void setAvailable(AgentId agent, boolean isAvailable) {
        if (isAvailable) {
            available.add(agent);
        } else {
            available.remove(agent);
        }
        availableByCampaign.clear();
        loggedInCopies.clear();
    }

    @Override
    public Set<AgentId> loggedIn(long campaignId) {
        // An immutable copy, kept until presence changes: a Recipient takes it as it is instead of
        // copying 200 agents at every claim. Only membership is asked of it.
        return loggedInCopies.computeIfAbsent(campaignId, id -> Set.copyOf(loggedIn.getOrDefault(id, Set.of())));
    }

    @Override
    public Set<AgentId> available(long campaignId) {
        return availableByCampaign.computeIfAbsent(campaignId, id -> {
            Set<AgentId> present = new TreeSet<>(BY_ID);
            loggedIn.getOrDefault(id, Set.of()).stream().filter(available::contains).forEach(present::add);
            return Collections.unmodifiableSet(present);
        });
    }

    @Override
    public void received(AgentId agent, long campaignId, long customerId, Instant at) {
        List<Instant> times = received.computeIfAbsent(key(agent, campaignId), ignored -> new ArrayList<>());
        times.add(at);
        // Receipts come in time order; sorting a whole day's list at each one showed in a simulated day.
        if (times.size() > 1 && times.get(times.size() - 2).isAfter(at)) {
            Collections.sort(times);
        }
    }

    @Override
    public int customersReceived(AgentId agent, long campaignId, Instant from, Instant until) {
        List<Instant> times = received.getOrDefault(key(agent, campaignId), List.of());
        return firstAtOrAfter(times, until) - firstAtOrAfter(times, from);
    }

    private static int firstAtOrAfter(List<Instant> sorted, Instant instant) {
        int index = Collections.binarySearch(sorted, instant);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted.get(index - 1).equals(instant)) {
            index--;
        }
        return index;
    }

    private static String key(AgentId agent, long campaignId) {
        return agent + "@" + campaignId;
    }
}
