package dev.outdial.dialing.internal;

import dev.outdial.call.CallEndHandler;
import dev.outdial.call.CallEnded;
import dev.outdial.call.DialingCalls;
import dev.outdial.campaign.settings.Hotlines;
import dev.outdial.engine.customer.CallResult;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * "A hotline can fail (provider error); failures are recorded per hotline" (SPEC §2): a call that
 * ended HOTLINE_ERROR counts against the hotline it went out on, which the hotlines page shows.
 */
@Component
class HotlineFailures implements CallEndHandler {

    private static final Logger log = LoggerFactory.getLogger(HotlineFailures.class);

    private final DialingCalls calls;
    private final Hotlines hotlines;
    private final Savepoint savepoint;

    HotlineFailures(DialingCalls calls, Hotlines hotlines, PlatformTransactionManager transactions) {
        this.calls = calls;
        this.hotlines = hotlines;
        this.savepoint = new Savepoint(transactions);
    }

    @Override
    public String name() {
        return "hotline-failures";
    }

    @Override
    public boolean wants(CallEnded call) {
        return CallResult.HOTLINE_ERROR.name().equals(call.result());
    }

    @Override
    public void handle(List<CallEnded> batch) {
        // Asked again: call ends the event registry held before the upgrade were stored for every call.
        batch.stream().filter(this::wants).forEach(this::count);
    }

    private void count(CallEnded call) {
        // The count is for the admin's eyes; the call and its customer are recorded whatever happens.
        savepoint.attempt(() -> calls.find(call.businessId(), call.callId())
                        .flatMap(record -> hotlines.calledFrom(call.businessId(), record.hotline(), record.dialingAt()))
                        .ifPresent(id -> hotlines.recordFailure(call.businessId(), id,
                                "HOTLINE_ERROR on call " + call.callId(), call.endedAt())),
                failed -> log.warn("Hotline failure of call {} not counted: {}", call.callId(), failed.getMessage()));
    }
}
