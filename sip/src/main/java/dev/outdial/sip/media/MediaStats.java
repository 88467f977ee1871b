package dev.outdial.sip.media;

import java.time.Instant;
import java.util.Optional;

/**
 * Counters of one leg's RTP.
 *
 * @param packetsReceived RTP packets that arrived on the leg's port
 * @param packetsSent     packets the leg sent its far end: prompts, silence and relayed ones
 * @param packetsRelayed  of those, the ones relayed from the bridged leg (audio and keys)
 * @param firstPacketSent when the first packet bridged from the other leg went out (connect latency)
 */
public record MediaStats(long packetsReceived, long packetsSent, long packetsRelayed,
                         Optional<Instant> firstPacketSent) {
}
