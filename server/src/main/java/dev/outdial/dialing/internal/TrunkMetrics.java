package dev.outdial.dialing.internal;

import dev.outdial.sip.TrunkStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Whether the carrier's trunks answer their keep-alive, for the operator's alerts ({@code outdial_sip_trunk_up}, tagged
 * {@code trunk}: {@code primary}, and {@code backup}, {@code backup-2}… where there are more): 1 up, 0 down, NaN not
 * asked yet or no longer named. A trunk the carrier's DNS names after the start gets its gauge then. In sip mode only;
 * the platform's, so no business sees it.
 */
@Component
class TrunkMetrics {

    TrunkMetrics(MeterRegistry registry, LiveTelephony telephony) {
        telephony.sipAdapter().ifPresent(sip -> {
            Runnable eachTrunk = () -> sip.trunkStates().keySet().forEach(role -> gauge(registry, sip, role));
            eachTrunk.run();
            sip.whenTrunksChange(eachTrunk);
        });
    }

    /** The trunk of {@code role}'s gauge; registering one that exists already changes nothing. */
    private static void gauge(MeterRegistry registry, SipAdapter sip, String role) {
        Gauge.builder("outdial.sip.trunk.up", sip, adapter -> up(adapter.trunkStates().get(role)))
                .description("Whether the carrier's trunk answers its keep-alive: 1 up, 0 down, NaN not asked")
                .tag("trunk", role).register(registry);
    }

    private static double up(TrunkStatus status) {
        if (status == null) {
            return Double.NaN;
        }
        return switch (status.state()) {
            case UP -> 1;
            case DOWN -> 0;
            case UNKNOWN -> Double.NaN;
        };
    }
}
