package dev.outdial.dialing.internal;

import dev.outdial.shared.NodeId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's pacer leases (ARCHITECTURE §7): a business's dialer runs on the one node whose lease
 * is live, so its contract limit is counted in one place. A lease is taken for {@code duration}
 * and renewed on the heartbeat well before it lapses; a node that dies stops renewing, and another
 * takes the business over once the lease has lapsed.
 */
public final class PacerLeases {

    private final DialerLeaseRepository leases;
    private final String node;
    private final Duration duration;
    private final Clock clock;
    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    public PacerLeases(DialerLeaseRepository leases, NodeId node, Duration duration, Clock clock) {
        this.leases = leases;
        this.node = node.value();
        this.duration = duration;
        this.clock = clock;
    }

    /** Takes or renews the business's lease; true when this node paces it from now on. */
    public boolean take(long businessId) {
        Instant now = clock.instant();
        if (leases.take(businessId, node, now, now.plus(duration))) {
            held.add(businessId);
            return true;
        }
        held.remove(businessId);
        return false;
    }

    /** Whether this node paces the business, as of its last take or renewal. */
    public boolean holds(long businessId) {
        return held.contains(businessId);
    }

    /** The node that paces the business now, when it is another one. */
    public Optional<String> heldElsewhere(long businessId) {
        Instant now = clock.instant();
        return leases.holder(businessId).filter(holder -> holder.liveAt(now) && !holder.owner().equals(node))
                .map(DialerLeaseRepository.Holder::owner);
    }

    public void release(long businessId) {
        held.remove(businessId);
        leases.release(businessId, node);
    }

    public Set<Long> held() {
        return Set.copyOf(held);
    }

    public String node() {
        return node;
    }
}
