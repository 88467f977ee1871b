package dev.outdial.dialing.internal;

import dev.outdial.engine.port.CallId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps what the SIP side tells of each call as it ends (how its line was, what its trunks answered) on a thread of
 * its own, in the order told: the SIP side's threads never wait for the database.
 */
@Component
class CallFactWriter implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(CallFactWriter.class);

    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("call-facts").factory());

    /** Runs {@code keep}, which keeps {@code what} of {@code call} and says false where the call has no record. */
    void keep(String what, CallId call, BooleanSupplier keep) {
        writer.execute(() -> {
            try {
                if (!keep.getAsBoolean()) {
                    LOG.debug("Call {} has no record: {} not kept", call.value(), what);
                }
            } catch (RuntimeException notKept) {
                LOG.warn("Call {}: {} not kept with it", call.value(), what, notKept);
            }
        });
    }

    @Override
    public void destroy() {
        writer.shutdown();
    }
}
