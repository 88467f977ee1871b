package dev.outdial.engine.sim;

import dev.outdial.engine.inbound.FollowUp;
import dev.outdial.engine.inbound.InboundCall;
import dev.outdial.engine.inbound.InboundCallLog;
import dev.outdial.engine.port.CallId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Inbound calls in memory, latest state per call in the order they came in, and the tickets they left. */
public final class InMemoryInboundCallLog implements InboundCallLog {

    /** A ticket an inbound call left. */
    public record Ticket(CallId call, String callerNumber, long queueId, FollowUp kind) {
    }

    private final Map<CallId, InboundCall> calls = new LinkedHashMap<>();
    private final List<Ticket> tickets = new ArrayList<>();

    @Override
    public void save(InboundCall call) {
        calls.put(call.id(), call);
    }

    @Override
    public void ended(InboundCall call, Optional<FollowUp> followUp) {
        followUp.ifPresent(kind -> tickets.add(new Ticket(call.id(), call.callerNumber(), call.queueId(), kind)));
    }

    public List<InboundCall> calls() {
        return List.copyOf(calls.values());
    }

    public InboundCall call(CallId id) {
        return calls.get(id);
    }

    public List<Ticket> tickets() {
        return List.copyOf(tickets);
    }
}
