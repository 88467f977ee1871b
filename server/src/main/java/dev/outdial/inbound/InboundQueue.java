package dev.outdial.inbound;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An inbound queue. A caller who presses {@code callbackKey} between {@code minSecondsBeforeCallback}
 * and {@code maxWaitSeconds} after entering asks to be called back; any other key leaves them waiting.
 * A call to one of {@code numbers} (E.164, in the admin's order) enters the queue over SIP. Where {@code recordCalls},
 * each call is recorded from the moment an agent takes it, and kept {@code recordingRetentionDays} days.
 */
public record InboundQueue(long id, String name, String callbackKey, int minSecondsBeforeCallback, int maxWaitSeconds,
                           Long notificationAudioId, @Schema(description = WAITING_MUSIC) Long waitingMusicAudioId,
                           boolean ticketsForMissedCalls,
                           @Schema(description = RECORD_CALLS) boolean recordCalls,
                           @Schema(description = RETENTION) Integer recordingRetentionDays,
                           @Schema(description = NUMBERS) List<String> numbers) {

    static final String NUMBERS = "The business's phone numbers (DIDs, E.164) whose incoming calls enter this queue"
            + " over SIP; each number routes to one queue only.";
    static final String RECORD_CALLS = "Whether a call is recorded, both sides, from the moment an agent takes the"
            + " caller to its end (real calls); played and listed as a campaign's recordings are.";
    static final String RETENTION = "1 to 3,650: recordings older than this many days are deleted within the hour."
            + " Null: kept until deleted one by one.";
    static final String WAITING_MUSIC = "The business's audio file a caller hears, over and over, while they wait;"
            + " stopped when an agent takes them or before the callback notification. Null: none.";

    public InboundQueue {
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }
}
