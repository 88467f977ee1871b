package dev.outdial.engine.pacing;

import dev.outdial.engine.port.AgentPool;
import dev.outdial.engine.port.AgentScreen;
import dev.outdial.engine.port.CallLog;
import dev.outdial.engine.port.CustomerStore;
import dev.outdial.engine.port.NumberLists;
import dev.outdial.engine.port.Scheduler;
import dev.outdial.engine.port.Telephony;
import java.util.Objects;

/** Everything the engine needs from outside, as one value: the server wires it live, the simulator in memory. */
public record EnginePorts(
        Scheduler scheduler,
        Telephony telephony,
        CustomerStore customers,
        AgentPool agents,
        NumberLists numberLists,
        CallLog calls,
        AgentScreen screen) {

    public EnginePorts {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(telephony, "telephony");
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(numberLists, "numberLists");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(screen, "screen");
    }

    /** The same ports with another scheduler: live, each business's engine runs on its own lane. */
    public EnginePorts withScheduler(Scheduler other) {
        return new EnginePorts(other, telephony, customers, agents, numberLists, calls, screen);
    }
}
