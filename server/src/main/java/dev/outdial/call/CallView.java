package dev.outdial.call;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outdial.call.DispositionNames;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.port.CallDisposition;
import dev.outdial.engine.port.CallEnd;
import dev.outdial.engine.port.CallRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A call record as the API shows it (SPEC §4.4): who was called from which hotline, by which agent,
 * where the call stands, its technical result and every timestamp, and the agent's word once given;
 * {@code connectLatencyMillis}, from the customer's answer to their agent on the line, is what the
 * 2-second rule measures; {@code howEnded} says who ended an answered call.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallView(
        String id,
        long campaignId,
        long customerId,
        String number,
        String hotline,
        Long agentId,
        CallRecord.Phase state,
        @Schema(implementation = CallResult.class) String result,
        @Schema(implementation = CallEnd.class) String howEnded,
        Instant queuedAt,
        Instant dialingAt,
        Instant ringingAt,
        Instant answeredAt,
        Instant connectedAt,
        Long connectLatencyMillis,
        Instant endedAt,
        Long classification,
        @Schema(allowableValues = {"DONE", "CALLBACK", "DO_NOT_CALL_BACK"}) String next,
        Instant callbackAt,
        Map<String, String> answers) {

    public static CallView of(CallRecord call) {
        var disposition = call.disposition();
        var callback = disposition.map(CallDisposition::next).filter(CustomerInput.CallbackAt.class::isInstance)
                .map(CustomerInput.CallbackAt.class::cast);
        return new CallView(call.id().value(), call.campaignId(), call.customerId(), call.dialedNumber(), call.hotline(),
                call.agent().map(agent -> Long.valueOf(agent.value())).orElse(null), call.phase(),
                call.result().map(Enum::name).orElse(null), call.howEnded().map(Enum::name).orElse(null),
                call.queuedAt(), call.dialingAt(),
                call.ringingAt().orElse(null), call.answeredAt().orElse(null), call.connectedAt().orElse(null),
                connectLatency(call), call.endedAt().orElse(null),
                disposition.map(word -> Long.valueOf(word.classification())).orElse(null),
                disposition.map(word -> DispositionNames.nameOf(word.next())).orElse(null),
                callback.map(CustomerInput.CallbackAt::appointment).orElse(null),
                disposition.map(CallDisposition::answers).orElse(null));
    }

    private static Long connectLatency(CallRecord call) {
        return call.answeredAt().flatMap(answered -> call.connectedAt()
                .map(connected -> Duration.between(answered, connected).toMillis())).orElse(null);
    }
}
