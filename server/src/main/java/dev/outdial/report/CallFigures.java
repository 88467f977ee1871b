package dev.outdial.report;

import dev.outdial.call.CallTally;
import java.util.List;

/**
 * What a set of call records adds up to. Contacts are calls that reached the customer and were
 * connected (technical result SUCCESS); the abandon rate is the call records' ({@link CallTally}):
 * calls answered by a person that found no agent (ABANDONED) by all calls answered by a person
 * (SUCCESS + ABANDONED), answering machines left out, as the predictive cap counts it. Talk time
 * runs from the agent's connection to the end of the call; handle time is talk time per connected
 * call, since the call records keep no wrap-up time.
 */
public record CallFigures(
        long calls,
        long contacts,
        long abandoned,
        long connected,
        long talkSeconds,
        Long averageHandleSeconds,
        Double abandonRate,
        Double dialsPerHour,
        List<ClassificationCount> classifications) {

    /** The figures from raw sums; rates stay null where their denominator is zero. */
    public static CallFigures of(long calls, long contacts, long abandoned, long connected, long talkSeconds,
                                 long activeHours, List<ClassificationCount> classifications) {
        return new CallFigures(calls, contacts, abandoned, connected, talkSeconds,
                connected == 0 ? null : Math.round((double) talkSeconds / connected),
                new CallTally(calls, contacts, abandoned).abandonRate(),
                activeHours == 0 ? null : (double) calls / activeHours,
                List.copyOf(classifications));
    }

    public static CallFigures none() {
        return of(0, 0, 0, 0, 0, 0, List.of());
    }

    /** Calls classified as {@code classificationId}. */
    public long classified(long classificationId) {
        return classifications.stream().filter(count -> count.id() == classificationId)
                .mapToLong(ClassificationCount::calls).sum();
    }
}
