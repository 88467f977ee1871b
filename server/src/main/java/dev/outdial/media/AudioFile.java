package dev.outdial.media;

import java.time.Instant;

/** An uploaded audio file without its bytes; {@code durationMillis} is null when the format does not say (MP3). */
public record AudioFile(long id, String name, AudioFormat format, String contentType, long sizeBytes,
                        Long durationMillis, Instant createdAt) {
}
