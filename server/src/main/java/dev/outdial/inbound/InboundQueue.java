package dev.outdial.inbound;

/**
 * An inbound queue. A caller who presses {@code callbackKey} between {@code minSecondsBeforeCallback}
 * and {@code maxWaitSeconds} after entering asks to be called back; any other key leaves them waiting.
 */
public record InboundQueue(long id, String name, String callbackKey, int minSecondsBeforeCallback, int maxWaitSeconds,
                           Long notificationAudioId, boolean ticketsForMissedCalls) {
}
