package dev.outdial.dialing.internal;

import dev.outdial.call.CallActivities;
import dev.outdial.call.CallActivity;
import dev.outdial.engine.port.CallId;
import dev.outdial.sip.TrunkAnswer;
import dev.outdial.sip.TrunkAnswers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps with each call Outdial placed what the carrier's trunks answered its INVITEs, as the SIP side tells it when
 * the call ends, and counts every answer in {@code outdial_trunk_answers_total{trunk, status}} ({@code status} the
 * response's code, or {@code none} where the trunk answered nothing): the operator's alert on a route that starts
 * refusing calls (a burst of 503s, 403s once credentials go stale) before the campaigns' results show it.
 */
@Component
class TrunkAnswerLog implements TrunkAnswers {

    private final CallActivities activities;
    private final MeterRegistry registry;
    private final CallFactWriter writer;

    TrunkAnswerLog(CallActivities activities, MeterRegistry registry, CallFactWriter writer) {
        this.activities = activities;
        this.registry = registry;
        this.writer = writer;
    }

    @Override
    public void answered(CallId call, List<TrunkAnswer> answers) {
        answers.forEach(this::count);
        List<CallActivity.TrunkAnswer> kept = answers.stream().map(answer -> new CallActivity.TrunkAnswer(
                answer.trunk(), answer.status(), answer.reasonPhrase(), answer.q850Cause())).toList();
        writer.keep("its trunks' answers", call, () -> activities.keepTrunkAnswers(call.value(), kept));
    }

    private void count(TrunkAnswer answer) {
        Counter.builder("outdial.trunk.answers")
                .description("The carrier's trunks' final answers to Outdial's INVITEs, by trunk and status")
                .tag("trunk", answer.trunk())
                .tag("status", answer.status() == TrunkAnswer.NONE ? "none" : String.valueOf(answer.status()))
                .register(registry).increment();
    }
}
