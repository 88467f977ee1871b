package dev.outdial.engine.sim;

import dev.outdial.engine.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Virtual time: a priority queue of tasks ordered by time, then by the order they were scheduled,
 * run one after the other. Time jumps from one task to the next, so a day of dialing runs in
 * seconds, and the same inputs always run in the same order (ARCHITECTURE §2, "one engine, two clocks").
 */
public final class VirtualScheduler implements Scheduler {

    /** Tasks by time, then by scheduling order ({@link Task#compareTo}). */
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    /**
     * Tasks scheduled for the current instant itself (telephony's events handed to the engine, a
     * pacing round): already in scheduling order and all due now, so a queue rather than the heap,
     * whose sifting was a twentieth of a 1,000-agent day. Emptied before time moves on.
     */
    private final ArrayDeque<Task> dueNow = new ArrayDeque<>();
    private Instant now;
    private long scheduled;
    private long ran;

    public VirtualScheduler(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Cancellable at(Instant when, Runnable task) {
        Instant at = when.isBefore(now) ? now : when;
        Task entry = new Task(at, scheduled++, task);
        if (at.equals(now)) {
            dueNow.add(entry);
        } else {
            queue.add(entry);
        }
        return entry;
    }

    /** Runs every task due up to and including {@code end}, then stands at {@code end}. */
    public void runUntil(Instant end) {
        for (Task next = nextUpTo(end); next != null; next = nextUpTo(end)) {
            if (next.cancelled) {
                continue;
            }
            now = next.when();
            ran++;
            next.task().run();
        }
        if (end.isAfter(now)) {
            now = end;
        }
    }

    /** Takes the first task by time and scheduling order, of the heap and those due now, if due by {@code end}. */
    private Task nextUpTo(Instant end) {
        Task heapFirst = queue.peek();
        Task nowFirst = dueNow.peekFirst();
        Task first = heapFirst == null ? nowFirst
                : nowFirst == null || heapFirst.compareTo(nowFirst) < 0 ? heapFirst : nowFirst;
        if (first == null || first.when().isAfter(end)) {
            return null;
        }
        return first == nowFirst ? dueNow.pollFirst() : queue.poll();
    }

    public void runFor(Duration duration) {
        runUntil(now.plus(duration));
    }

    /** Tasks run so far: the simulator's measure of work done. */
    public long tasksRun() {
        return ran;
    }

    private static final class Task implements Cancellable, Comparable<Task> {

        private final Instant when;
        /** {@link #when} in its two parts, so the queue's millions of comparisons a day read no other object. */
        private final long epochSecond;
        private final int nano;
        private final long sequence;
        private final Runnable task;
        private boolean cancelled;

        private Task(Instant when, long sequence, Runnable task) {
            this.when = when;
            this.epochSecond = when.getEpochSecond();
            this.nano = when.getNano();
            this.sequence = sequence;
            this.task = task;
        }

        /** By time, then by scheduling order. */
        @Override
        public int compareTo(Task other) {
            if (epochSecond != other.epochSecond) {
                return Long.compare(epochSecond, other.epochSecond);
            }
            if (nano != other.nano) {
                return Integer.compare(nano, other.nano);
            }
            return Long.compare(sequence, other.sequence);
        }

        Instant when() {
            return when;
        }

        long sequence() {
            return sequence;
        }

        Runnable task() {
            return task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}
