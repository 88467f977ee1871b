package dev.outdial.dialing.internal;

import dev.outdial.engine.sim.SimulatedAgents;
import dev.outdial.engine.sim.SimulatedCarrier;
import dev.outdial.shared.NodeId;
import java.util.Random;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulated carrier is the default telephony (ARCHITECTURE §3); a SIP adapter would replace this bean. */
@Configuration
@EnableConfigurationProperties({SimTelephonyProperties.class, DialingProperties.class})
class TelephonyConfig {

    @Bean
    SimulatedCarrier simulatedCarrier(EngineThread engine, SimTelephonyProperties sim, NodeId node) {
        // The node's id may be fixed (outdial.node-id): the start time keeps a restarted node's call ids new.
        String incarnation = Long.toString(System.currentTimeMillis(), 36);
        SimulatedCarrier carrier = new SimulatedCarrier(engine, sim.model(), new Random(),
                "sim-" + node.value() + "-" + incarnation);
        carrier.keyPresses(sim.keyPresses());
        carrier.hotlineRules(sim.hotlineOutcomes());
        return carrier;
    }

    /** The seats of simulated agents (the demo's bots): each sees what the engine shows its agent. */
    @Bean
    SimulatedAgents simulatedAgents() {
        return new SimulatedAgents();
    }
}
