package dev.outdial.sip;

import dev.outdial.engine.customer.AgentId;
import java.util.function.BiConsumer;

/** Which agents' phones are registered now, as the registrar knows it. */
public interface PhoneRegistrations {

    boolean isRegistered(AgentId agent);

    /** Told (agent, registered) whenever an agent's phone registers, unregisters or expires. */
    void onChange(BiConsumer<AgentId, Boolean> listener);

    /**
     * Drops every binding of the agent at once, as when an admin removes their phone account: the
     * phone is not rung again, whatever its last registration had left to run.
     */
    void forget(AgentId agent);
}
