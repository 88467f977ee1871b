package dev.outdial.sip;

import dev.outdial.engine.customer.AgentId;
import java.util.function.BiConsumer;

/** Which agents' phones are registered now, as the registrar knows it. */
public interface PhoneRegistrations {

    boolean isRegistered(AgentId agent);

    /** Told (agent, registered) whenever an agent's phone registers, unregisters or expires. */
    void onChange(BiConsumer<AgentId, Boolean> listener);
}
