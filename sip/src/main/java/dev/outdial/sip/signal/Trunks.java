package dev.outdial.sip.signal;

import dev.outdial.sip.TrunkStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The carrier's trunk addresses, in the order they are tried: its primary and, where the operator gave one or its DNS
 * named more, backups (the operator's first, then the DNS's in its order). Calls go to the first that has not stopped
 * answering its keep-alive, so to the primary as soon as it answers again; with every one down, to the primary. A call
 * the trunk it went to refuses as unavailable, or cannot be sent to, is tried on the next ({@link #next}), each trunk
 * once. The carrier's DNS may name others later ({@link #moveTo}). Who must follow the trunks (the registration, the
 * metrics) is told when calls move or the DNS names others ({@link #whenTheyChange}). Thread-safe.
 */
public final class Trunks {

    private static final TrunkStatus NOT_ASKED = new TrunkStatus(TrunkStatus.State.UNKNOWN, Optional.empty(),
            "not asked yet");

    /** Why nothing can be sent to a trunk not {@link #isNamed named} yet. */
    static final String NOT_NAMED_YET = "the carrier's DNS has not said where its trunks are yet";

    /** The trunks in their order, the primary first, distinct; replaced whole while a call may be choosing. */
    private final AtomicReference<List<InetSocketAddress>> trunks;
    private final Map<InetSocketAddress, TrunkStatus> statuses = new ConcurrentHashMap<>();
    private final List<Runnable> followers = new CopyOnWriteArrayList<>();

    /** The trunks {@code primary}, then {@code backups}, in this order. */
    public Trunks(InetSocketAddress primary, List<InetSocketAddress> backups) {
        this.trunks = new AtomicReference<>(inOrder(primary, backups));
    }

    private static List<InetSocketAddress> inOrder(InetSocketAddress primary, List<InetSocketAddress> backups) {
        List<InetSocketAddress> all = new ArrayList<>(List.of(primary));
        backups.stream().filter(backup -> !all.contains(backup)).forEach(all::add);
        return List.copyOf(all);
    }

    /**
     * The carrier's DNS now names {@code primary} and {@code backups}, in this order: calls go there from now on (a
     * call already placed stays where it went), and how trunks no longer named answered is forgotten. Whether they
     * changed.
     */
    public boolean moveTo(InetSocketAddress primary, List<InetSocketAddress> backups) {
        List<InetSocketAddress> now = inOrder(primary, backups);
        List<InetSocketAddress> before = trunks.getAndSet(now);
        if (now.equals(before)) {
            return false;
        }
        statuses.keySet().retainAll(now);
        followers.forEach(Runnable::run);
        return true;
    }

    /**
     * Runs {@code follow} each time calls go to another trunk than before (the one they went to stopped answering its
     * keep-alive, or answers again) and each time the DNS names other trunks, on the thread that found it: it must
     * return at once.
     */
    public void whenTheyChange(Runnable follow) {
        followers.add(follow);
    }

    private void tellIfMoved(InetSocketAddress before) {
        if (!before.equals(current())) {
            followers.forEach(Runnable::run);
        }
    }

    /** Every address, the primary first: those the keep-alive asks. */
    List<InetSocketAddress> all() {
        return trunks.get();
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

    /** Where a call goes now: the first trunk not down; the primary where every one is. */
    InetSocketAddress current() {
        return current(trunks.get());
    }

    private InetSocketAddress current(List<InetSocketAddress> inOrder) {
        return inOrder.stream().filter(trunk -> !isDown(trunk)).findFirst().orElse(inOrder.getFirst());
    }

    /**
     * The trunk to try a call on after those it was {@code tried} on could not take it: the first of the others not
     * down, else the first of the others; empty once every trunk was tried.
     */
    Optional<InetSocketAddress> next(Collection<InetSocketAddress> tried) {
        List<InetSocketAddress> untried = trunks.get().stream().filter(trunk -> !tried.contains(trunk)).toList();
        return untried.stream().filter(trunk -> !isDown(trunk)).findFirst().or(() -> untried.stream().findFirst());
    }

    /** How {@code trunk} answered its last keep-alive. */
    void record(InetSocketAddress trunk, TrunkStatus status) {
        InetSocketAddress before = current();
        statuses.put(trunk, status);
        tellIfMoved(before);
    }

    /**
     * How the trunk calls go to answered its last keep-alive, for the Hotlines page: with backups, which one that is
     * and how the others answered, so an operator sees calls have moved.
     */
    public TrunkStatus status() {
        List<InetSocketAddress> inOrder = trunks.get();
        InetSocketAddress current = current(inOrder);
        TrunkStatus now = statusOf(current);
        if (inOrder.size() == 1) {
            return now;
        }
        StringBuilder detail = new StringBuilder(role(inOrder.indexOf(current))).append(' ').append(text(current))
                .append(" in use: ").append(now.detail());
        for (int i = 0; i < inOrder.size(); i++) {
            if (!inOrder.get(i).equals(current)) {
                detail.append("; ").append(role(i)).append(' ').append(text(inOrder.get(i))).append(": ")
                        .append(statusOf(inOrder.get(i)).detail());
            }
        }
        return new TrunkStatus(now.state(), now.checkedAt(), detail.toString());
    }

    /**
     * How each trunk answered its last keep-alive, by its role: {@code primary}, then {@code backup} where there is
     * one, and {@code backup-2}, {@code backup-3}… where the carrier's DNS names more.
     */
    public Map<String, TrunkStatus> byRole() {
        List<InetSocketAddress> inOrder = trunks.get();
        Map<String, TrunkStatus> roles = new LinkedHashMap<>();
        for (int i = 0; i < inOrder.size(); i++) {
            roles.put(role(i), statusOf(inOrder.get(i)));
        }
        return roles;
    }

    private static String role(int index) {
        return switch (index) {
            case 0 -> "primary";
            case 1 -> "backup";
            default -> "backup-" + index;
        };
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

    /** The trunks in their order, for the log. */
    @Override
    public String toString() {
        return String.join(", ", all().stream().map(Trunks::text).toList());
    }
}
