package dev.outdial.sip.media;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * The media of one call leg: a local RTP port, the far end learnt from SDP, and what the leg
 * hears — a prompt, or the other leg it is bridged to, or silence. Thread-safe.
 */
public interface MediaLeg extends AutoCloseable {

    /** The local RTP port offered in SDP. */
    int localPort();

    /**
     * Where to send, in which codec, and the payload type the far end uses for RFC 4733 events
     * (-1 when it offered none). Called again when a re-INVITE moves the media.
     */
    void connect(InetSocketAddress remote, Codec codec, int telephoneEventPayloadType);

    /** Plays the clip (once, or looped until stopped), replacing what played; {@code whenOver} runs after its last packet. */
    void play(AudioClip clip, boolean loop, Runnable whenOver);

    /** Stops what plays; the leg hears silence (or its bridge). */
    void stopPlaying();

    /** Every key the far end presses (RFC 4733 event ends, each reported once) goes to {@code keys} from now on; null stops it. */
    void onKey(Consumer<Character> keys);

    /** Relays this leg's audio and keys to {@code other} and back, each side hearing one continuous stream. */
    void bridge(MediaLeg other);

    /** Ends a bridge; both legs hear silence. */
    void unbridge();

    /** What the leg received and sent so far. */
    MediaStats stats();

    /** Frees the port; nothing more is sent or received. */
    @Override
    void close();
}
