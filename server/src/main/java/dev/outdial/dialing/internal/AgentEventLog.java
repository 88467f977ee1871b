package dev.outdial.dialing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One agent's recent events, numbered, so a page or client that reconnects with
 * {@code Last-Event-ID} is sent what it missed: the last {@value #SIZE} events of the last
 * {@link #WINDOW}. Ids are {@code <boot>-<n>}: an id from before a restart (or another node) is
 * not resumed from, since its numbers mean nothing here. Not thread-safe: its owner locks.
 */
final class AgentEventLog {

    static final int SIZE = 256;
    static final Duration WINDOW = Duration.ofMinutes(5);

    record Entry(String id, long sequence, String name, Map<String, Object> payload, Instant at) {
    }

    private final String boot;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long last;

    AgentEventLog(String boot) {
        this.boot = boot;
    }

    Entry append(String name, Map<String, Object> payload, Instant now) {
        Entry entry = new Entry(boot + "-" + ++last, last, name, payload, now);
        entries.addLast(entry);
        while (entries.size() > SIZE || entries.getFirst().at().isBefore(now.minus(WINDOW))) {
            entries.removeFirst();
        }
        return entry;
    }

    /** The id of the newest event, the position a client that reads on is at. */
    String position() {
        return boot + "-" + last;
    }

    /**
     * The events after {@code lastEventId}, or empty when the id is not one of this log's within
     * its window (the client then reloads what it shows).
     */
    Optional<List<Entry>> after(String lastEventId, Instant now) {
        if (lastEventId == null || !lastEventId.startsWith(boot + "-")) {
            return Optional.empty();
        }
        long seen;
        try {
            seen = Long.parseLong(lastEventId.substring(boot.length() + 1));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
        if (seen > last) {
            return Optional.empty();
        }
        List<Entry> kept = entries.stream().filter(entry -> !entry.at().isBefore(now.minus(WINDOW))).toList();
        long oldest = kept.isEmpty() ? last + 1 : kept.getFirst().sequence();
        if (seen + 1 < oldest) {
            return Optional.empty(); // some of what it missed is gone
        }
        return Optional.of(kept.stream().filter(entry -> entry.sequence() > seen).toList());
    }
}
