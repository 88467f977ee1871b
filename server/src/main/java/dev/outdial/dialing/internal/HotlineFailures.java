package dev.outdial.dialing.internal;

import dev.outdial.call.CallEnded;
import dev.outdial.call.DialingCalls;
import dev.outdial.campaign.settings.Hotline;
import dev.outdial.campaign.settings.Hotlines;
import dev.outdial.engine.customer.CallResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * "A hotline can fail (provider error); failures are recorded per hotline" (SPEC §2): a call that
 * ended HOTLINE_ERROR counts against the hotline it went out on, which the hotlines page shows.
 */
@Component
class HotlineFailures {

    private static final Logger log = LoggerFactory.getLogger(HotlineFailures.class);

    private final DialingCalls calls;
    private final Hotlines hotlines;

    HotlineFailures(DialingCalls calls, Hotlines hotlines) {
        this.calls = calls;
        this.hotlines = hotlines;
    }

    @ApplicationModuleListener
    void on(CallEnded call) {
        if (!CallResult.HOTLINE_ERROR.name().equals(call.result())) {
            return;
        }
        try {
            calls.find(call.businessId(), call.callId()).ifPresent(record -> hotlines.list(call.businessId()).stream()
                    .filter(hotline -> hotline.number().equals(record.hotline())).map(Hotline::id).findFirst()
                    .ifPresent(id -> hotlines.recordFailure(call.businessId(), id,
                            "HOTLINE_ERROR on call " + call.callId(), call.endedAt())));
        } catch (RuntimeException failed) {
            // The count is for the admin's eyes; the call and its customer are recorded whatever happens.
            log.warn("Hotline failure of call {} not counted: {}", call.callId(), failed.getMessage());
        }
    }
}
