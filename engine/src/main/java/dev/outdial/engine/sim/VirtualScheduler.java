package dev.outdial.engine.sim;

import dev.outdial.engine.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Arrays;

/**
 * Virtual time: a priority queue of tasks ordered by time, then by the order they were scheduled,
 * run one after the other. Time jumps from one task to the next, so a day of dialing runs in
 * seconds, and the same inputs always run in the same order (ARCHITECTURE §2, "one engine, two clocks").
 */
public final class VirtualScheduler implements Scheduler {

    /** Tasks by time, then by scheduling order ({@link Task#compareTo}). */
    private final TaskHeap queue = new TaskHeap();
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

    /**
     * A binary heap of tasks by time, then scheduling order, whose keys sit in arrays of their own:
     * {@code PriorityQueue}'s sifting read each compared task's fields through its reference, a
     * twentieth of a 1,000-agent day. Scheduling orders are unique, so the order tasks come out in is
     * the same whatever the heap.
     */
    private static final class TaskHeap {

        private Task[] tasks = new Task[256];
        private long[] seconds = new long[256];
        private int[] nanos = new int[256];
        private long[] sequences = new long[256];
        private int size;

        Task peek() {
            return size == 0 ? null : tasks[0];
        }

        void add(Task task) {
            if (size == tasks.length) {
                int grown = size * 2;
                tasks = Arrays.copyOf(tasks, grown);
                seconds = Arrays.copyOf(seconds, grown);
                nanos = Arrays.copyOf(nanos, grown);
                sequences = Arrays.copyOf(sequences, grown);
            }
            int at = size++;
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (!before(task.epochSecond, task.nano, task.sequence, parent)) {
                    break;
                }
                move(parent, at);
                at = parent;
            }
            put(task, at);
        }

        Task poll() {
            if (size == 0) {
                return null;
            }
            Task first = tasks[0];
            Task last = tasks[--size];
            tasks[size] = null;
            if (size > 0) {
                long second = last.epochSecond;
                int nano = last.nano;
                long sequence = last.sequence;
                int at = 0;
                int half = size >>> 1;
                while (at < half) {
                    int child = 2 * at + 1;
                    int right = child + 1;
                    if (right < size && before(seconds[right], nanos[right], sequences[right], child)) {
                        child = right;
                    }
                    if (!precedes(seconds[child], nanos[child], sequences[child], second, nano, sequence)) {
                        break;
                    }
                    move(child, at);
                    at = child;
                }
                put(last, at);
            }
            return first;
        }

        /** Whether the key (second, nano, sequence) comes before the task at {@code index}. */
        private boolean before(long second, int nano, long sequence, int index) {
            return precedes(second, nano, sequence, seconds[index], nanos[index], sequences[index]);
        }

        /** By time, then by scheduling order, as {@link Task#compareTo}. */
        private static boolean precedes(long second, int nano, long sequence,
                                        long otherSecond, int otherNano, long otherSequence) {
            if (second != otherSecond) {
                return second < otherSecond;
            }
            if (nano != otherNano) {
                return nano < otherNano;
            }
            return sequence < otherSequence;
        }

        private void move(int from, int to) {
            tasks[to] = tasks[from];
            seconds[to] = seconds[from];
            nanos[to] = nanos[from];
            sequences[to] = sequences[from];
        }

        private void put(Task task, int at) {
            tasks[at] = task;
            seconds[at] = task.epochSecond;
            nanos[at] = task.nano;
            sequences[at] = task.sequence;
        }
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
