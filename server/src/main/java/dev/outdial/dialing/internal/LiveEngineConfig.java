package dev.outdial.dialing.internal;

import dev.outdial.call.DialingCalls;
import dev.outdial.customer.DialingCustomers;
import dev.outdial.engine.pacing.EnginePorts;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.sim.SimulatedAgents;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ports the live engine works through: this node's thread, telephony, stores and agents' screens. */
@Configuration
class LiveEngineConfig {

    @Bean
    EnginePorts liveEnginePorts(EngineThread engine, Telephony telephony, DialingCustomers customers,
                                AgentSessions sessions, LiveNumberLists lists, DialingCalls calls,
                                AgentEventStream screen, SimulatedAgents bots, ApplicationEventPublisher events,
                                MeterRegistry registry) {
        // What the engine shows an agent goes to their page and, for a simulated agent, to the bot in their seat.
        return new EnginePorts(engine, telephony, new TimedCustomerStore(customers, registry), sessions, lists,
                new ClassifyingCallLog(calls, customers, events, registry),
                (agent, update) -> {
                    screen.show(agent, update);
                    bots.show(agent, update);
                });
    }
}
