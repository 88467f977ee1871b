package dev.outdial.dialing.internal;

import dev.outdial.call.LiveCalls;
import dev.outdial.engine.call.CallOrchestrator;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The call records' {@link LiveCalls} are the calls this node's runners have up (issue 18): each
 * orchestrator keeps its open calls' records as they stand for readers on other threads, so the
 * lookup never waits for the business's lane.
 */
@Component
class EngineLiveCalls implements LiveCalls {

    private final LiveDialers dialers;

    EngineLiveCalls(LiveDialers dialers) {
        this.dialers = dialers;
    }

    @Override
    public Optional<CallRecord> open(long campaignId, CallId call) {
        for (CallOrchestrator calls : dialers.callsOf(campaignId)) {
            Optional<CallRecord> live = calls.liveRecord(call);
            if (live.isPresent()) {
                return live;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<CallRecord> openOf(long campaignId) {
        return dialers.callsOf(campaignId).stream().flatMap(calls -> calls.liveRecords().stream()).toList();
    }

    @Override
    public boolean runs(long campaignId) {
        return !dialers.callsOf(campaignId).isEmpty();
    }
}
