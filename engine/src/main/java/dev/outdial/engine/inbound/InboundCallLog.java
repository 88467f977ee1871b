package dev.outdial.engine.inbound;

import java.util.Optional;

/** Where inbound calls are recorded, and what they leave to follow up (the server opens the tickets). */
public interface InboundCallLog {

    /** Saves the call as it stands, replacing what was saved under its id. */
    void save(InboundCall call);

    /** The call ended (saved already); {@code followUp} is the ticket it leaves, if any. */
    void ended(InboundCall call, Optional<FollowUp> followUp);
}
