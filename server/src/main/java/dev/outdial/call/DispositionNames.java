package dev.outdial.call;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CustomerInput;
import java.time.Instant;
import java.util.Optional;

/** The agent's "what next" as the API and the call records name it: DONE, CALLBACK or DO_NOT_CALL_BACK. */
public final class DispositionNames {

    public static final String DONE = "DONE";
    public static final String CALLBACK = "CALLBACK";
    public static final String DO_NOT_CALL_BACK = "DO_NOT_CALL_BACK";

    private DispositionNames() {
    }

    public static String nameOf(CustomerInput.Disposition next) {
        return switch (next) {
            case CustomerInput.Done ignored -> DONE;
            case CustomerInput.CallbackAt ignored -> CALLBACK;
            case CustomerInput.DoNotCallBack ignored -> DO_NOT_CALL_BACK;
        };
    }

    /** The disposition named {@code name}; a callback needs its time and the agent who owns it. */
    public static CustomerInput.Disposition of(String name, Optional<Instant> callbackAt, Optional<AgentId> agent) {
        return switch (name) {
            case DONE -> new CustomerInput.Done();
            case CALLBACK -> new CustomerInput.CallbackAt(callbackAt.orElseThrow(), agent.orElseThrow());
            case DO_NOT_CALL_BACK -> new CustomerInput.DoNotCallBack();
            default -> throw new IllegalArgumentException("not a disposition: " + name);
        };
    }
}
