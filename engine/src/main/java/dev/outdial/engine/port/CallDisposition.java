package dev.outdial.engine.port;

import dev.outdial.engine.customer.CustomerInput;
import java.util.Map;
import java.util.Objects;

/**
 * The agent's word on a reached call (SPEC §4.4, issue 5's disposition API): their classification
 * (e.g. Interested), what happens to the customer next, and the script's answers, which the server
 * has validated against the campaign's script.
 */
public record CallDisposition(String classification, CustomerInput.Disposition next, Map<String, String> answers) {

    public CallDisposition {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(next, "next");
        answers = Map.copyOf(answers);
    }
}
