package dev.outdial.media;

/**
 * Asked before an audio file is deleted. The IVR and queue modules implement it, so this module
 * never reads their tables and they may depend on it without a cycle.
 */
public interface AudioUsage {

    boolean uses(long businessId, long audioId);
}
