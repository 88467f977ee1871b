package dev.outdial.engine.pacing;

import dev.outdial.engine.call.CallOrchestrator;
import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.call.LapsedClaims;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.port.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Renews the leases of the customers this node holds and expires those that lapsed elsewhere
 * (a crashed node's), again every third of the lease. A stopped campaign keeps renewing while its
 * last calls are up, so nobody closes a call that is still talking.
 */
final class LeaseHeartbeat {

    private final CampaignSettings settings;
    private final Scheduler scheduler;
    private final CallOrchestrator calls;
    private final LapsedClaims lapsedClaims;
    private final Supplier<Set<Long>> customersHeld;
    private final BooleanSupplier running;
    private final Runnable wake;
    /** A third of the lease, worked out once: {@code Duration.dividedBy} goes through BigDecimal. */
    private final Duration beatEvery;
    private Scheduler.Cancellable next = Scheduler.Cancellable.NONE;

    LeaseHeartbeat(CampaignSettings settings, Scheduler scheduler, CallOrchestrator calls, LapsedClaims lapsedClaims,
                   Supplier<Set<Long>> customersHeld, BooleanSupplier running, Runnable wake) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.calls = calls;
        this.lapsedClaims = lapsedClaims;
        this.customersHeld = customersHeld;
        this.running = running;
        this.wake = wake;
        this.beatEvery = settings.lease().dividedBy(3);
    }

    void beat() {
        Instant now = scheduler.now();
        Set<Long> held = customersHeld.get();
        next.cancel();
        if (!running.getAsBoolean() && held.isEmpty()) {
            return;
        }
        // One store call renews them all (one by one, it was a compare-and-set per held customer per beat).
        calls.updateEach(held, new CustomerInput.LeaseRenewed(now.plus(settings.lease())));
        if (running.getAsBoolean() && lapsedClaims.expire(now, held) > 0) {
            wake.run();
        }
        next = scheduler.after(beatEvery, () -> {
            beat();
            wake.run();
        });
    }
}
