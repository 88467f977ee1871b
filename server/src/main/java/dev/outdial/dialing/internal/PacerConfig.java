package dev.outdial.dialing.internal;

import dev.outdial.shared.NodeId;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This node's pacer leases, taken for {@code outdial.dialing.pacer-lease}. */
@Configuration
class PacerConfig {

    @Bean
    PacerLeases pacerLeases(DialerLeaseRepository leases, NodeId node, DialingProperties properties, Clock clock) {
        return new PacerLeases(leases, node, properties.pacerLease(), clock);
    }
}
