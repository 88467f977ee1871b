package dev.outdial.sip.media;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * What a leg plays, 20 ms at a time: a queue of clips, each played once or looped, the first
 * one's position. A clip that ends inside a packet is padded with silence, and its
 * {@code whenOver} is handed back with that packet so it runs once the packet is sent.
 */
final class Playout {

    /** Returned by {@link #next} when a clip goes on (nothing ended with this packet). */
    static final Runnable PLAYING = () -> { };

    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private int position;

    synchronized void add(AudioClip clip, boolean loop, Runnable whenOver) {
        queue.add(new Item(clip, loop, whenOver == null ? PLAYING : whenOver));
    }

    synchronized void clear() {
        queue.clear();
        position = 0;
    }

    synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * Fills {@code frame} with the next 20 ms in the codec; null when nothing plays (the frame is
     * untouched), {@link #PLAYING}, or the {@code whenOver} of the clip this packet ends.
     */
    synchronized Runnable next(Codec codec, byte[] frame) {
        Item item = queue.peek();
        if (item == null) {
            return null;
        }
        byte[] audio = item.clip.encoded(codec);
        int filled = 0;
        while (filled < frame.length) {
            int count = Math.min(frame.length - filled, audio.length - position);
            System.arraycopy(audio, position, frame, filled, count);
            filled += count;
            position += count;
            if (position == audio.length) {
                position = 0;
                if (!item.loop) {
                    Arrays.fill(frame, filled, frame.length, G711.silence(codec));
                    queue.poll();
                    return item.whenOver;
                }
            }
        }
        return PLAYING;
    }

    private record Item(AudioClip clip, boolean loop, Runnable whenOver) {
    }
}
