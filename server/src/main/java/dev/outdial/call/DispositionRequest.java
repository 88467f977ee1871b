package dev.outdial.call;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/**
 * The agent's word on a reached call as the API takes it: a call classification of the business,
 * what happens next ({@code DONE}, {@code CALLBACK} at {@code callbackAt}, {@code DO_NOT_CALL_BACK})
 * and the answers to the campaign's script, by question id.
 */
public record DispositionRequest(Long classification,
                                 @Schema(allowableValues = {"DONE", "CALLBACK", "DO_NOT_CALL_BACK"}) String next, Instant callbackAt, Map<String, Object> answers) {
}
