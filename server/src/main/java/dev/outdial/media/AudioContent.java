package dev.outdial.media;

/** The bytes of an audio file with the type to serve them as. */
public record AudioContent(AudioFile file, byte[] bytes) {
}
