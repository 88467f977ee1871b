package dev.outdial.engine.port;

/**
 * Whether a dialed leg is listened to before its answer is reported: a campaign's answering machine detection.
 *
 * <p>Telling a machine from a person takes the first seconds of what the called party says, so with detection
 * {@link #ON} the adapter holds {@link CallEvent.Answered} back until it knows, and the customer hears silence
 * meanwhile. A person taken for a machine is hung up on: regulators that count abandoned calls count those too.
 */
public enum MachineDetection {
    /** Whoever picks up is reported at once as a person: a machine's greeting reaches the agent or the IVR. */
    OFF,
    /** The answer is reported once who answered is known, {@code byMachine} for an answering machine. */
    ON
}
