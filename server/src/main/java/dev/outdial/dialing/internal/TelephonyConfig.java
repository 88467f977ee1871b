package dev.outdial.dialing.internal;

import dev.outdial.call.CallRecordings;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.sim.SimulatedAgents;
import dev.outdial.engine.sim.SimulatedCarrier;
import dev.outdial.shared.NodeId;
import dev.outdial.sip.PhoneBook;
import dev.outdial.sip.PromptSource;
import dev.outdial.sip.SipTelephony;
import java.nio.file.Path;
import java.util.Random;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The telephony of the live engine, chosen by {@code outdial.telephony.mode} (ARCHITECTURE §3): the
 * simulated carrier by default, or the SIP adapter, started here so a port it cannot bind stops
 * the application with the setting to change. Everything else depends on the {@link Telephony}
 * port, or on {@link LiveTelephony} for what only one mode has.
 */
@Configuration
@EnableConfigurationProperties({SimTelephonyProperties.class, DialingProperties.class, TelephonyProperties.class})
class TelephonyConfig {

    /** Only in sim mode; an unknown mode leaves it out and {@link TelephonyProperties} stops the start naming the setting. */
    @Bean
    @ConditionalOnProperty(name = "outdial.telephony.mode", havingValue = "sim", matchIfMissing = true)
    SimulatedCarrier simulatedCarrier(EngineThread engine, SimTelephonyProperties sim, NodeId node) {
        // The node's id may be fixed (outdial.node-id): the start time keeps a restarted node's call ids new.
        String incarnation = Long.toString(System.currentTimeMillis(), 36);
        SimulatedCarrier carrier = new SimulatedCarrier(engine, sim.model(), new Random(),
                "sim-" + node.value() + "-" + incarnation);
        carrier.keyPresses(sim.keyPresses());
        carrier.hotlineRules(sim.hotlineOutcomes());
        return carrier;
    }

    @Bean
    LiveTelephony liveTelephony(TelephonyProperties settings, ObjectProvider<SimulatedCarrier> simulated,
                                ObjectProvider<SipAdapter.Factory> adapters, PhoneBook phones, PromptSource prompts,
                                CallRecordings recordings, PhoneActionLog phoneActions, CallQualityLog qualities,
                                TrunkAnswerLog trunkAnswers,
                                @Value("${outdial.data-dir}") Path dataDir) {
        return switch (settings.telephonyMode()) {
            case SIM -> LiveTelephony.simulated(simulated.getObject());
            case SIP -> {
                SipAdapter.Factory factory = adapters.getIfAvailable(
                        () -> (sip, book, audio) -> SipAdapter.of(new SipTelephony(sip, book, audio)));
                SipAdapter adapter = factory.open(settings.sipSettings(), phones, prompts);
                // Spooled on this node's disk while the call is up; kept in the database, with the call, once it ends.
                adapter.keepRecordings(new dev.outdial.sip.CallRecordings(dataDir.resolve("recordings-spool"),
                        (call, wav, length) -> recordings.keep(call.value(), wav, length)));
                adapter.tellOfPhoneActions(phoneActions);
                adapter.tellOfCallQuality(qualities);
                adapter.tellOfTrunkAnswers(trunkAnswers);
                try {
                    adapter.start();
                } catch (RuntimeException cannotStart) {
                    adapter.close();
                    throw cannotStart;
                }
                yield LiveTelephony.sip(adapter);
            }
        };
    }

    /** Primary: in sim mode the carrier is a Telephony bean too. */
    @Bean
    @Primary
    Telephony telephony(LiveTelephony live) {
        return live.port();
    }

    /** The seats of simulated agents (the demo's bots): each sees what the engine shows its agent. */
    @Bean
    SimulatedAgents simulatedAgents() {
        return new SimulatedAgents();
    }
}
