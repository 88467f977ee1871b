package dev.outdial.inbound;

/** A queue as the admin sends it; every field but the name and the callback key has a default. */
public record QueueDraft(String name, String callbackKey, Integer minSecondsBeforeCallback, Integer maxWaitSeconds,
                         Long notificationAudioId, Boolean ticketsForMissedCalls) {
}
