package dev.outdial.call;

/** A group's calls over a period given one classification ({@code key} as in {@link CallSums}). */
public record ClassifiedCalls(long key, long classificationId, long calls) {
}
