package dev.outdial.call;

/**
 * A real call's line quality was kept ({@link CallActivities#keepQuality}), published in the transaction that kept it:
 * a campaign's call ({@code campaignId}) or a queue call ({@code queueId}), the other null.
 */
public record CallQualityMeasured(long businessId, Long campaignId, Long queueId, String callId,
                                  CallActivity.Quality quality) {
}
