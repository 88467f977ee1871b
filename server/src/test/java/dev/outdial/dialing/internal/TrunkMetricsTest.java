package dev.outdial.dialing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.outdial.sip.TrunkStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The trunks' gauges: one per trunk, and one more for each the carrier's DNS names later. */
class TrunkMetricsTest {

    @Test
    void aTrunkTheCarriersDnsNamesAfterTheStartGetsItsGaugeThen() {
        Map<String, TrunkStatus> states = new LinkedHashMap<>(Map.of("primary", status(TrunkStatus.State.UP)));
        SipAdapter sip = mock(SipAdapter.class);
        when(sip.trunkStates()).thenAnswer(asked -> Map.copyOf(states));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        new TrunkMetrics(registry, LiveTelephony.sip(sip));
        ArgumentCaptor<Runnable> follower = ArgumentCaptor.forClass(Runnable.class);
        verify(sip).whenTrunksChange(follower.capture());
        assertThat(up(registry, "primary")).isEqualTo(1);
        assertThat(registry.find("outdial.sip.trunk.up").tag("trunk", "backup").gauge()).isNull();

        states.put("backup", status(TrunkStatus.State.DOWN));
        follower.getValue().run();

        assertThat(up(registry, "backup")).isZero();
        assertThat(registry.find("outdial.sip.trunk.up").gauges()).hasSize(2);
        follower.getValue().run();
        assertThat(registry.find("outdial.sip.trunk.up").gauges()).as("each trunk once").hasSize(2);
        states.remove("backup");
        assertThat(up(registry, "backup")).as("no longer named").isNaN();
    }

    private static double up(SimpleMeterRegistry registry, String role) {
        return registry.get("outdial.sip.trunk.up").tag("trunk", role).gauge().value();
    }

    private static TrunkStatus status(TrunkStatus.State state) {
        return new TrunkStatus(state, Optional.of(Instant.EPOCH), state.name());
    }
}
