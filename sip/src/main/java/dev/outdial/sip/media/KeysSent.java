package dev.outdial.sip.media;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * The keys a leg sends its far end on behalf of the leg bridged to it, whose far end pressed them where they cannot go
 * on as they came: signalled outside the media (a SIP INFO), or as RFC 4733 events to a far end that takes none (an
 * agent's phone dialing through a customer's voice menu, say). Each key takes eight packets, 160 ms: as RFC 4733
 * events where the far end takes them (one event whose five packets carry the duration so far, then its end three
 * times, RFC 4733 §2.5.1), else as its two tones in the audio (ITU-T Q.23: 100 ms of tone, 60 ms of quiet, more than
 * the 40 ms each Q.24 asks an exchange to take). While a key is sent the bridged leg's audio is not relayed, as a phone
 * mutes its own voice while it sends a key. Thread-safe: keys come from the receiving and signalling threads, their
 * packets are made on the pacer.
 */
final class KeysSent {

    /** Each tone at about -10 dBm0: loud enough for any receiver, the pair well under clipping. */
    private static final double TONE_AMPLITUDE = 5000;
    static final int PACKETS_PER_KEY = 8;
    static final int SOUNDING_PACKETS = 5;
    /** More would be a stuck phone or a hostile one: the first keys are kept, the rest dropped. */
    private static final int MOST_WAITING = 32;
    private static final int VOLUME = 10;

    private final Queue<Character> waiting = new ArrayDeque<>();
    private char key;
    /** The packet of {@link #key} to send next; {@link #PACKETS_PER_KEY} when none is being sent. */
    private int packet = PACKETS_PER_KEY;
    /**
     * Whether a key is being sent or waits to be, kept as it changes: read for every packet the bridge relays, which
     * takes no lock for it.
     */
    private volatile boolean sending;

    /** One packet of a key: an RFC 4733 event's (with whether it starts the event) or 20 ms of audio. */
    record Packet(boolean start, byte[] payload) {
    }

    /** Queues {@code key} to be sent; ignored where it is not a key of a phone's keypad. */
    synchronized void add(char key) {
        if (KeyPresses.EVENTS.indexOf(key) >= 0 && waiting.size() < MOST_WAITING) {
            waiting.add(key);
            sending = true;
        }
    }

    /** Whether a key is being sent, or waits to be: the pacer sends its packets and the relay waits. */
    boolean sending() {
        return sending;
    }

    /**
     * The next 20 ms of the key being sent, to a far end that takes RFC 4733 events ({@code events}) or in
     * {@code codec}'s audio; null when no key is being sent.
     */
    synchronized Packet next(boolean events, Codec codec) {
        if (packet == PACKETS_PER_KEY) {
            Character nextKey = waiting.poll();
            if (nextKey == null) {
                return null;
            }
            key = nextKey;
            packet = 0;
        }
        int index = packet++;
        sending = packet < PACKETS_PER_KEY || !waiting.isEmpty();
        return new Packet(index == 0, events ? event(key, index) : tone(key, index, codec));
    }

    /** The {@code index}th packet of {@code key}'s event: its duration so far, the end bit on the last three. */
    static byte[] event(char key, int index) {
        boolean end = index >= SOUNDING_PACKETS;
        int duration = OutgoingStream.SAMPLES_PER_PACKET * Math.min(index + 1, SOUNDING_PACKETS);
        return new byte[] {(byte) KeyPresses.EVENTS.indexOf(key), (byte) ((end ? 0x80 : 0) | VOLUME),
                (byte) (duration >> 8), (byte) duration};
    }

    /** The {@code index}th 20 ms of {@code key} as tones, in {@code codec}: its two tones, then quiet. */
    static byte[] tone(char key, int index, Codec codec) {
        short[] samples = new short[OutgoingStream.SAMPLES_PER_PACKET];
        if (index < SOUNDING_PACKETS) {
            int at = ToneKeys.KEYPAD.indexOf(key);
            double row = ToneKeys.ROW_TONES[at / 4];
            double column = ToneKeys.COLUMN_TONES[at % 4];
            for (int i = 0; i < samples.length; i++) {
                double t = (double) (index * samples.length + i) / Resampler.TARGET_RATE;
                samples[i] = (short) Math.round(TONE_AMPLITUDE * (Math.sin(2 * Math.PI * row * t)
                        + Math.sin(2 * Math.PI * column * t)));
            }
        }
        return G711.encode(codec, samples);
    }
}
