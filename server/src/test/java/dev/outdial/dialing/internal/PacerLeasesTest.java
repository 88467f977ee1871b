package dev.outdial.dialing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.shared.NodeId;
import dev.outdial.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat and a campaign's start take a business's lease on their own threads: two takes at
 * once on one node must leave it holding the epoch the lease has, or its own call starts are fenced off.
 */
class PacerLeasesTest {

    /** A lease table of one business that counts its epoch up as the real one does, slowly enough to overlap. */
    static final class OneLease extends DialerLeaseRepository {
        final AtomicInteger inside = new AtomicInteger();
        final CountDownLatch firstInside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile int most;
        long epoch;

        OneLease() {
            super(null, null);
        }

        @Override
        public OptionalLong take(long businessId, String node, Long heldEpoch, Instant now, Instant until) {
            most = Math.max(most, inside.incrementAndGet());
            firstInside.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                epoch = heldEpoch != null && heldEpoch == epoch ? epoch : epoch + 1;
            }
            inside.decrementAndGet();
            return OptionalLong.of(epoch);
        }
    }

    @Test
    void twoTakesAtOnceLeaveTheNodeHoldingTheLeasesEpoch() throws Exception {
        OneLease table = new OneLease();
        PacerLeases leases = new PacerLeases(table, new NodeId("node-a"), Duration.ofSeconds(15), Clock.systemUTC());
        AtomicBoolean heartbeatTook = new AtomicBoolean();
        AtomicBoolean startTook = new AtomicBoolean();

        Thread heartbeat = Thread.ofPlatform().start(() -> heartbeatTook.set(leases.take(7)));
        assertThat(table.firstInside.await(5, TimeUnit.SECONDS)).isTrue();
        Thread campaignStart = Thread.ofPlatform().start(() -> startTook.set(leases.take(7)));
        Await.until(() -> campaignStart.getState() == Thread.State.BLOCKED || table.inside.get() == 2,
                "the campaign's start to wait for the heartbeat's take, or to take beside it");
        table.release.countDown();
        heartbeat.join();
        campaignStart.join();

        assertThat(table.most).as("takes of one business at once").isEqualTo(1);
        assertThat(heartbeatTook).isTrue();
        assertThat(startTook).isTrue();
        assertThat(leases.epoch(7)).hasValue(table.epoch);
    }
}
