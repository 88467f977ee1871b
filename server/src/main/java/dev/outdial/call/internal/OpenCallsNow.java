package dev.outdial.call.internal;

import dev.outdial.call.CallView;
import dev.outdial.call.ExportedCall;
import dev.outdial.call.LiveCalls;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the call records show of an open call: the engine's word first, then the record (issue 18:
 * the steps of an open call are saved a second late, together). An ended call is its record. The
 * engine is looked up lazily: it is built over these records, and a context without it (a module
 * test) reads the records alone.
 */
@Component
public class OpenCallsNow {

    /** The order the API lists calls in: newest dialed first. */
    private static final Comparator<CallRecord> NEWEST_FIRST = Comparator.comparing(CallRecord::dialingAt)
            .thenComparing(call -> call.id().value()).reversed();

    private final ObjectProvider<LiveCalls> engine;

    OpenCallsNow(ObjectProvider<LiveCalls> engine) {
        this.engine = engine;
    }

    /**
     * The call as it stands now: its record, or the engine's newer word while it runs it here. An open
     * record the engine no longer knows is read again ({@code readAgain}): it may have been read just
     * before the call's end committed, and the engine lets a call go only once its end has, so the
     * second read is at least as new as the end (the agent who took the call over sees it ended, not
     * the older record's first agent).
     */
    public CallRecord current(CallRecord recorded, Supplier<Optional<CallRecord>> readAgain) {
        if (recorded.endedAt().isPresent()) {
            return recorded;
        }
        return live(recorded.businessId(), recorded.campaignId(), recorded.id())
                .or(readAgain)
                .orElse(recorded);
    }

    /** The phase of the business's open call: the engine's while it runs it here, else {@code recorded}. */
    public CallRecord.Phase phase(long businessId, long campaignId, String callId, CallRecord.Phase recorded) {
        return live(businessId, campaignId, new CallId(callId)).map(CallRecord::phase).orElse(recorded);
    }

    /** An exported row's call as it stands now; its names stay the record's. */
    public ExportedCall current(long businessId, ExportedCall recorded) {
        if (recorded.call().endedAt() != null) {
            return recorded;
        }
        return live(businessId, recorded.call().campaignId(), new CallId(recorded.call().id()))
                .map(now -> new ExportedCall(CallView.of(now), recorded.customerName(), recorded.agentName(),
                        recorded.classificationName()))
                .orElse(recorded);
    }

    /**
     * A list of the business's campaign's calls as they stand now: the records read, each open one
     * as the engine knows it, with the engine's calls the records did not match yet (an agent rung a
     * moment ago is not in their record), kept by {@code shown}, newest first, {@code limit} at most.
     * Where the engine runs the campaign, the open records it no longer knows are read again, in one
     * read ({@code readAgain}, by name), as {@link #current} does for one: read just before their end
     * committed, they would show for a poll as they were, on the list of an agent they are no longer.
     */
    public List<CallRecord> listed(long businessId, long campaignId, List<CallRecord> recorded,
                                   Predicate<CallRecord> shown, int limit,
                                   Function<Collection<String>, List<CallRecord>> readAgain) {
        LiveCalls live = engine.getIfAvailable();
        if (live == null) {
            return recorded;
        }
        Map<String, CallRecord> byName = new LinkedHashMap<>();
        recorded.forEach(call -> byName.put(call.id().value(), call));
        Set<String> openUnknown = new HashSet<>();
        recorded.stream().filter(call -> call.endedAt().isEmpty()).forEach(call -> openUnknown.add(call.id().value()));
        for (CallRecord now : live.openOf(campaignId)) {
            if (now.businessId() == businessId) {
                openUnknown.remove(now.id().value());
                byName.merge(now.id().value(), now, (record, engines) -> record.endedAt().isPresent() ? record : engines);
            }
        }
        if (!openUnknown.isEmpty() && live.runs(campaignId)) {
            readAgain.apply(openUnknown).stream().filter(call -> call.businessId() == businessId)
                    .forEach(call -> byName.put(call.id().value(), call));
        }
        return byName.values().stream().filter(shown).sorted(NEWEST_FIRST).limit(limit).toList();
    }

    /** The business's call as the engine running it here knows it; empty when none does. */
    private Optional<CallRecord> live(long businessId, long campaignId, CallId call) {
        LiveCalls live = engine.getIfAvailable();
        if (live == null) {
            return Optional.empty();
        }
        return live.open(campaignId, call).filter(now -> now.businessId() == businessId);
    }
}
