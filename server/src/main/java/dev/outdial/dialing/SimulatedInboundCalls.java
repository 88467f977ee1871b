package dev.outdial.dialing;

import dev.outdial.business.Businesses;
import dev.outdial.dialing.internal.EngineThread;
import dev.outdial.dialing.internal.LiveSwitchboards;
import dev.outdial.dialing.internal.LiveTelephony;
import dev.outdial.engine.inbound.QueueRules;
import dev.outdial.engine.sim.CallerKeyPress;
import dev.outdial.engine.sim.SimulatedCarrier;
import dev.outdial.inbound.InboundCalls;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.PhoneNumbers;
import dev.outdial.shared.Violations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Inbound calls on the simulated carrier ({@code POST /api/v1/sim/inbound-calls}): the caller enters
 * the queue at once and waits there as the queue's rules say, pressing the keys they were given.
 */
@Service
public class SimulatedInboundCalls {

    private static final Pattern PHONE_KEY = Pattern.compile("[0-9*#]");
    private static final int MAX_SECONDS = 3600;
    private static final int MAX_KEYS = 50;

    private final LiveTelephony telephony;
    private final EngineThread engine;
    private final LiveSwitchboards switchboards;
    private final InboundCalls calls;
    private final Businesses businesses;

    SimulatedInboundCalls(LiveTelephony telephony, EngineThread engine, LiveSwitchboards switchboards, InboundCalls calls,
                          Businesses businesses) {
        this.telephony = telephony;
        this.engine = engine;
        this.switchboards = switchboards;
        this.calls = calls;
        this.businesses = businesses;
    }

    /** Makes the call; returns its id, under which the queue's calls list it. */
    public String call(long businessId, SimulatedInboundCall call) {
        SimulatedCarrier carrier = telephony.simulatedCarrier()
                .orElseThrow(() -> new ConflictException("dialing.sim.not-simulated"));
        Violations violations = new Violations();
        QueueRules queue = queueOf(businessId, call.queueId(), violations);
        String caller = null;
        if (violations.check(call.callerNumber() != null && !call.callerNumber().isBlank(), "callerNumber",
                "validation.required")) {
            caller = PhoneNumbers.toE164(call.callerNumber(), businesses.get(businessId).defaultCountry(), "callerNumber",
                    violations);
        }
        List<CallerKeyPress> keys = keysOf(call.keys(), violations);
        Integer hangUp = call.hangUpAfterSeconds();
        violations.check(hangUp == null || (hangUp >= 0 && hangUp <= MAX_SECONDS), "hangUpAfterSeconds",
                "validation.range", 0, MAX_SECONDS);
        violations.throwIfAny();
        String number = caller;
        Optional<Duration> hangUpAfter = Optional.ofNullable(hangUp).map(Duration::ofSeconds);
        return engine.call(businessId, () -> switchboards.of(businessId).enter(queue, number,
                listener -> carrier.receive(number, keys, hangUpAfter, listener))).value();
    }

    private QueueRules queueOf(long businessId, Long queueId, Violations violations) {
        if (!violations.check(queueId != null, "queueId", "validation.required")) {
            return null;
        }
        try {
            return calls.rulesOf(businessId, queueId);
        } catch (NotFoundException unknown) {
            violations.add("queueId", "dialing.sim.queue.unknown", queueId);
            return null;
        }
    }

    private static List<CallerKeyPress> keysOf(List<SimulatedInboundCall.KeyPress> given, Violations violations) {
        List<CallerKeyPress> keys = new ArrayList<>();
        if (given == null) {
            return keys;
        }
        violations.check(given.size() <= MAX_KEYS, "keys", "dialing.sim.keys.too-many", MAX_KEYS);
        for (int i = 0; i < given.size(); i++) {
            SimulatedInboundCall.KeyPress press = given.get(i);
            String path = "keys[" + i + "]";
            if (press == null) {
                violations.add(path, "validation.required");
                continue;
            }
            boolean timed = violations.check(press.afterSeconds() != null, path + ".afterSeconds", "validation.required")
                    && violations.check(press.afterSeconds() >= 0 && press.afterSeconds() <= MAX_SECONDS,
                    path + ".afterSeconds", "validation.range", 0, MAX_SECONDS);
            boolean keyed = violations.check(press.key() != null && !press.key().isEmpty(), path + ".key",
                    "validation.required")
                    && violations.check(PHONE_KEY.matcher(press.key()).matches(), path + ".key", "dialing.sim.key.invalid",
                    press.key());
            if (timed && keyed) {
                keys.add(new CallerKeyPress(Duration.ofSeconds(press.afterSeconds()), press.key()));
            }
        }
        return keys;
    }
}
