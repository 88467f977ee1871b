package dev.outdial.inbound;

/** A queue that keeps its call recordings {@code days} days ({@code recordingRetentionDays}). */
public record QueueRecordingRetention(long businessId, long queueId, int days) {
}
