package dev.outdial.sip.signal;

import dev.outdial.sip.TrunkStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The carrier's trunk addresses: its primary and, where the operator gave one or its DNS named two, a backup. Calls go
 * to the primary while it answers its keep-alive; once it has stopped answering and the backup has not, to the backup,
 * and back to the primary as soon as it answers again. A call the trunk it went to refuses as unavailable, or cannot be
 * sent to, is tried once on the other ({@link #other}). The carrier's DNS may name others later ({@link #moveTo}).
 * Who must follow the calls from one trunk to the other (the registration) is told ({@link #whenCallsMove}).
 * Thread-safe.
 */
public final class Trunks {

    private static final TrunkStatus NOT_ASKED = new TrunkStatus(TrunkStatus.State.UNKNOWN, Optional.empty(),
            "not asked yet");

    /** Why nothing can be sent to a trunk not {@link #isNamed named} yet. */
    static final String NOT_NAMED_YET = "the carrier's DNS has not said where its trunks are yet";

    private final AtomicReference<Pair> trunks;
    private final Map<InetSocketAddress, TrunkStatus> statuses = new ConcurrentHashMap<>();
    private final List<Runnable> followers = new CopyOnWriteArrayList<>();

    /** The two, read together: one may be replaced while a call chooses. */
    private record Pair(InetSocketAddress primary, Optional<InetSocketAddress> backup) {

        Pair {
            backup = backup.filter(address -> !address.equals(primary));
        }

        List<InetSocketAddress> all() {
            List<InetSocketAddress> all = new ArrayList<>(List.of(primary));
            backup.ifPresent(all::add);
            return all;
        }
    }

    public Trunks(InetSocketAddress primary, Optional<InetSocketAddress> backup) {
        this.trunks = new AtomicReference<>(new Pair(primary, backup));
    }

    /**
     * The carrier's DNS now names {@code primary} and {@code backup}: calls go there from now on (a call already placed
     * stays where it went), and how trunks no longer named answered is forgotten. Whether they changed.
     */
    public boolean moveTo(InetSocketAddress primary, Optional<InetSocketAddress> backup) {
        Pair now = new Pair(primary, backup);
        Pair before = trunks.getAndSet(now);
        if (now.equals(before)) {
            return false;
        }
        statuses.keySet().retainAll(now.all());
        tellIfMoved(current(before));
        return true;
    }

    /**
     * Runs {@code follow} each time calls go to another trunk than before (the one they went to stopped answering its
     * keep-alive, answers again, or the DNS named others), on the thread that found it: it must return at once.
     */
    void whenCallsMove(Runnable follow) {
        followers.add(follow);
    }

    private void tellIfMoved(InetSocketAddress before) {
        if (!before.equals(current())) {
            followers.forEach(Runnable::run);
        }
    }

    /** Every address, the primary first: those the keep-alive asks. */
    List<InetSocketAddress> all() {
        return trunks.get().all();
    }

    /**
     * Whether {@code trunk} is an address requests can be sent to: not the carrier's domain standing in, unresolved,
     * for trunks its DNS has not named yet.
     */
    static boolean isNamed(InetSocketAddress trunk) {
        return !trunk.isUnresolved();
    }

    /** Whether {@code address} is one of the trunks' (a call from there is the carrier's). */
    boolean isOneOf(InetAddress address) {
        return all().stream().anyMatch(trunk -> address.equals(trunk.getAddress()));
    }

    /** Where a call goes now: the primary, unless it is down and the backup is not. */
    InetSocketAddress current() {
        return current(trunks.get());
    }

    private InetSocketAddress current(Pair pair) {
        return pair.backup().filter(spare -> isDown(pair.primary()) && !isDown(spare)).orElse(pair.primary());
    }

    /** The other trunk than {@code tried}, to try a call on once; empty without a backup. */
    Optional<InetSocketAddress> other(InetSocketAddress tried) {
        Pair now = trunks.get();
        return now.backup().map(spare -> spare.equals(tried) ? now.primary() : spare);
    }

    /** How {@code trunk} answered its last keep-alive. */
    void record(InetSocketAddress trunk, TrunkStatus status) {
        InetSocketAddress before = current();
        statuses.put(trunk, status);
        tellIfMoved(before);
    }

    /**
     * How the trunk calls go to answered its last keep-alive, for the Hotlines page: with a backup, which one that is and
     * how the other answered, so an operator sees calls have moved.
     */
    public TrunkStatus status() {
        Pair pair = trunks.get();
        InetSocketAddress current = current(pair);
        TrunkStatus now = statusOf(current);
        if (pair.backup().isEmpty()) {
            return now;
        }
        boolean onPrimary = current.equals(pair.primary());
        InetSocketAddress standby = onPrimary ? pair.backup().get() : pair.primary();
        return new TrunkStatus(now.state(), now.checkedAt(), (onPrimary ? "primary " : "backup ") + text(current)
                + " in use: " + now.detail() + "; " + (onPrimary ? "backup " : "primary ") + text(standby) + ": "
                + statusOf(standby).detail());
    }

    /** How each trunk answered its last keep-alive, by its role: {@code primary}, and {@code backup} where there is one. */
    public Map<String, TrunkStatus> byRole() {
        Pair now = trunks.get();
        Map<String, TrunkStatus> roles = new java.util.LinkedHashMap<>();
        roles.put("primary", statusOf(now.primary()));
        now.backup().ifPresent(spare -> roles.put("backup", statusOf(spare)));
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
