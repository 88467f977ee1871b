package dev.outdial.shared;

/**
 * A campaign or queue ({@code ownerId}) that keeps its call recordings {@code days} days
 * ({@code recordingRetentionDays}).
 */
public record RecordingRetention(long businessId, long ownerId, int days) {
}
