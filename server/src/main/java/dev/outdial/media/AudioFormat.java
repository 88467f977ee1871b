package dev.outdial.media;

/** The formats a telephony media server plays without transcoding surprises. */
public enum AudioFormat {
    WAV("audio/wav"),
    MP3("audio/mpeg");

    private final String contentType;

    AudioFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
