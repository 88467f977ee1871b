package dev.outdial.sip.media;

import java.time.Instant;
import java.util.Optional;

/**
 * Counters of one leg's RTP.
 *
 * @param firstPacketSent when the first packet bridged from the other leg went out (connect latency)
 */
public record MediaStats(long packetsReceived, long packetsSent, long packetsRelayed,
                         Optional<Instant> firstPacketSent) {
}
