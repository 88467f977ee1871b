package dev.outdial.dialing.internal;

import dev.outdial.shared.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's pacer leases (ARCHITECTURE §7): a business's dialer runs on the one node whose lease
 * is live, so its contract limit is counted in one place. A lease is taken for {@code duration}
 * and renewed on the heartbeat well before it lapses; a node that dies stops renewing, and another
 * takes the business over once the lease has lapsed. The epoch each lease is held at here is what
 * this node's call starts are fenced by: a start under an epoch no longer the lease's is refused.
 */
public final class PacerLeases {

    private final DialerLeaseRepository leases;
    private final String node;
    private final Duration duration;
    private final Clock clock;
    /** Business → the epoch of its lease held here. */
    private final Map<Long, Long> held = new ConcurrentHashMap<>();
    /**
     * One take of a business's lease at a time on this node, per business: the heartbeat and a
     * campaign's start both take it, and two at once (each reading the epoch held before the other
     * wrote it) counted the lease up twice and kept the first epoch here, so this node's own call
     * starts were fenced off as if another node paced the business, until the next beat.
     */
    private final Map<Long, Object> taking = new ConcurrentHashMap<>();

    public PacerLeases(DialerLeaseRepository leases, NodeId node, Duration duration, Clock clock) {
        this.leases = leases;
        this.node = node.value();
        this.duration = duration;
        this.clock = clock;
    }

    /** Takes or renews the business's lease; true when this node paces it from now on. */
    public boolean take(long businessId) {
        synchronized (taking.computeIfAbsent(businessId, business -> new Object())) {
            Instant now = clock.instant();
            OptionalLong epoch = leases.take(businessId, node, held.get(businessId), now, now.plus(duration));
            if (epoch.isPresent()) {
                held.put(businessId, epoch.getAsLong());
                return true;
            }
            held.remove(businessId);
            return false;
        }
    }

    /** Whether this node paces the business, as of its last take or renewal. */
    public boolean holds(long businessId) {
        return held.containsKey(businessId);
    }

    /** The epoch of the business's lease as this node holds it, which its call starts are checked against. */
    public OptionalLong epoch(long businessId) {
        Long epoch = held.get(businessId);
        return epoch == null ? OptionalLong.empty() : OptionalLong.of(epoch);
    }

    /** A call start found the lease taken over by another node: this node paces the business no more. */
    public void lost(long businessId) {
        held.remove(businessId);
    }

    /** The node that paces the business now, when it is another one. */
    public Optional<String> heldElsewhere(long businessId) {
        Instant now = clock.instant();
        return leases.holder(businessId).filter(holder -> holder.liveAt(now) && !holder.owner().equals(node))
                .map(DialerLeaseRepository.Holder::owner);
    }

    public void release(long businessId) {
        held.remove(businessId);
        leases.release(businessId, node, clock.instant());
    }

    public Set<Long> held() {
        return Set.copyOf(held.keySet());
    }

    public String node() {
        return node;
    }
}
