package dev.outdial.campaign;

/** A campaign that keeps its call recordings {@code days} days ({@code recordingRetentionDays}). */
public record RecordingRetention(long businessId, long campaignId, int days) {
}
