package dev.outdial.sip.signal;

import dev.outdial.sip.TrunkStatus;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The carrier's trunk addresses: its primary and, where the operator gave one, a backup. Calls go to the primary while it
 * answers its keep-alive; once it has stopped answering and the backup has not, to the backup, and back to the primary
 * as soon as it answers again. A call the trunk it went to refuses as unavailable, or cannot be sent to, is tried once
 * on the other ({@link #other}). Thread-safe.
 */
public final class Trunks {

    private static final TrunkStatus NOT_ASKED = new TrunkStatus(TrunkStatus.State.UNKNOWN, Optional.empty(),
            "not asked yet");

    private final InetSocketAddress primary;
    private final Optional<InetSocketAddress> backup;
    private final Map<InetSocketAddress, TrunkStatus> statuses = new ConcurrentHashMap<>();

    public Trunks(InetSocketAddress primary, Optional<InetSocketAddress> backup) {
        this.primary = primary;
        this.backup = backup.filter(address -> !address.equals(primary));
    }

    /** Every address, the primary first: those the keep-alive asks. */
    List<InetSocketAddress> all() {
        List<InetSocketAddress> all = new ArrayList<>(List.of(primary));
        backup.ifPresent(all::add);
        return all;
    }

    /** Where a call goes now: the primary, unless it is down and the backup is not. */
    InetSocketAddress current() {
        return backup.filter(spare -> isDown(primary) && !isDown(spare)).orElse(primary);
    }

    /** The other trunk than {@code tried}, to try a call on once; empty without a backup. */
    Optional<InetSocketAddress> other(InetSocketAddress tried) {
        return backup.map(spare -> spare.equals(tried) ? primary : spare);
    }

    /** How {@code trunk} answered its last keep-alive. */
    void record(InetSocketAddress trunk, TrunkStatus status) {
        statuses.put(trunk, status);
    }

    /**
     * How the trunk calls go to answered its last keep-alive, for the Hotlines page: with a backup, which one that is and
     * how the other answered, so an operator sees calls have moved.
     */
    public TrunkStatus status() {
        InetSocketAddress current = current();
        TrunkStatus now = statusOf(current);
        if (backup.isEmpty()) {
            return now;
        }
        InetSocketAddress standby = other(current).orElseThrow();
        String role = current.equals(primary) ? "primary " : "backup ";
        return new TrunkStatus(now.state(), now.checkedAt(), role + text(current) + " in use: " + now.detail()
                + "; " + (current.equals(primary) ? "backup " : "primary ") + text(standby) + ": "
                + statusOf(standby).detail());
    }

    /** How each trunk answered its last keep-alive, by its role: {@code primary}, and {@code backup} where there is one. */
    public Map<String, TrunkStatus> byRole() {
        Map<String, TrunkStatus> roles = new java.util.LinkedHashMap<>();
        roles.put("primary", statusOf(primary));
        backup.ifPresent(spare -> roles.put("backup", statusOf(spare)));
        return roles;
    }

    private TrunkStatus statusOf(InetSocketAddress trunk) {
        return statuses.getOrDefault(trunk, NOT_ASKED);
    }

    private boolean isDown(InetSocketAddress trunk) {
        return statusOf(trunk).state() == TrunkStatus.State.DOWN;
    }

    static String text(InetSocketAddress trunk) {
        return trunk.getHostString() + ":" + trunk.getPort();
    }
}
