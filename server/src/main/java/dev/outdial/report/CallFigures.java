package dev.outdial.report;

import dev.outdial.call.CallSums;
import dev.outdial.call.CallTally;
import dev.outdial.call.LineQuality;
import java.util.List;

/**
 * What a set of call records adds up to. Contacts are calls that reached the customer and were
 * connected (technical result SUCCESS); the abandon rate is the call records' ({@link CallTally}):
 * calls answered by a person that found no agent (ABANDONED) by all calls answered by a person
 * (SUCCESS + ABANDONED), answering machines left out, as the predictive cap counts it. Talk time
 * runs from the agent's connection to the end of the call, the customer's time on hold included
 * (hold time is also given on its own); handle time is talk time per connected call, since the call
 * records keep no wrap-up time. With real calls each side's line quality is summed over the calls
 * measured ({@link LineQuality}).
 */
public record CallFigures(
        long calls,
        long contacts,
        long abandoned,
        long connected,
        long talkSeconds,
        long holdSeconds,
        Long averageHandleSeconds,
        Double abandonRate,
        Double dialsPerHour,
        List<ClassificationCount> classifications,
        LineQuality customerLine,
        LineQuality agentLine) {

    /** The figures of a group's sums; rates stay null where their denominator is zero. */
    public static CallFigures of(CallSums sums, List<ClassificationCount> classifications) {
        long connected = sums.connected();
        return new CallFigures(sums.calls(), sums.contacts(), sums.abandoned(), connected, sums.talkSeconds(),
                sums.heldSeconds(), connected == 0 ? null : Math.round((double) sums.talkSeconds() / connected),
                new CallTally(sums.calls(), sums.contacts(), sums.abandoned()).abandonRate(),
                sums.activeHours() == 0 ? null : (double) sums.calls() / sums.activeHours(),
                List.copyOf(classifications), sums.customerLine(), sums.agentLine());
    }

    public static CallFigures none() {
        return of(new CallSums(0, 0, 0, 0, 0, 0, 0, 0, 0), List.of());
    }

    /** Calls classified as {@code classificationId}. */
    public long classified(long classificationId) {
        return classifications.stream().filter(count -> count.id() == classificationId)
                .mapToLong(ClassificationCount::calls).sum();
    }
}
