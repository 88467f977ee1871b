package dev.outdial.engine.call;

import dev.outdial.engine.port.MachineDetection;
import dev.outdial.engine.port.Telephony;
import java.util.Objects;
import java.util.Optional;

/**
 * What a campaign does about answering machines: whether its calls listen for them, and what it leaves on one it
 * tells apart (its voicemail message); with none the machine is hung up on at once.
 */
public record AnsweringMachines(MachineDetection detection, Optional<Telephony.Prompt> message) {

    /** A machine passes for a person: it reaches the agent or the IVR. */
    public static final AnsweringMachines NOT_TOLD = new AnsweringMachines(MachineDetection.OFF, Optional.empty());

    public AnsweringMachines {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(message, "message");
        if (message.isPresent() && detection == MachineDetection.OFF) {
            throw new IllegalArgumentException("a message is left only on a machine told apart: detection is off");
        }
    }

    /** Machines told apart and hung up on. */
    public static AnsweringMachines hungUpOn() {
        return new AnsweringMachines(MachineDetection.ON, Optional.empty());
    }

    /** Machines told apart and left {@code message} once their greeting is over. */
    public static AnsweringMachines leftAMessage(Telephony.Prompt message) {
        return new AnsweringMachines(MachineDetection.ON, Optional.of(message));
    }
}
