package dev.outdial.inbound;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A queue as the admin sends it; every field but the name and the callback key has a default, on an
 * update as on a create. So a missing {@code numbers} means none: an update replaces the queue's
 * numbers with the draft's, as it replaces every other setting.
 */
public record QueueDraft(String name, String callbackKey, Integer minSecondsBeforeCallback, Integer maxWaitSeconds,
                         Long notificationAudioId,
                         @Schema(description = InboundQueue.WAITING_MUSIC) Long waitingMusicAudioId,
                         Boolean ticketsForMissedCalls,
                         @Schema(description = InboundQueue.RECORD_CALLS) Boolean recordCalls,
                         @Schema(description = InboundQueue.RETENTION) Integer recordingRetentionDays,
                         @Schema(description = InboundQueue.NUMBERS
                                 + " Read in the business's default country when not international; at most 20.")
                         List<String> numbers) {
}
