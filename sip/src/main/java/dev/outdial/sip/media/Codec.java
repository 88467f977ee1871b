package dev.outdial.sip.media;

/** The audio codecs Outdial speaks: G.711, 8 kHz, one byte a sample, 160 samples per 20 ms packet. */
public enum Codec {
    PCMU(0, "PCMU"), PCMA(8, "PCMA");

    /** Both codecs' RTP clock, their sample rate: the unit of their packets' timestamps. */
    public static final int CLOCK_RATE = 8000;

    private final int payloadType;
    private final String encodingName;

    Codec(int payloadType, String encodingName) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
    }

    /** The static RTP payload type (RFC 3551). */
    public int payloadType() {
        return payloadType;
    }

    /** The name in SDP's rtpmap, e.g. {@code PCMU/8000}. */
    public String encodingName() {
        return encodingName;
    }
}
