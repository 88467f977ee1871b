package dev.outdial.call.internal;

import dev.outdial.ticket.TicketCalls;
import org.springframework.stereotype.Component;

/** Tells the ticket module which call ids are the business's own calls. */
@Component
class CallRecordTicketCalls implements TicketCalls {

    private final CallRecordRepository calls;

    CallRecordTicketCalls(CallRecordRepository calls) {
        this.calls = calls;
    }

    @Override
    public boolean exists(long businessId, String callId) {
        return calls.find(businessId, callId).isPresent();
    }
}
