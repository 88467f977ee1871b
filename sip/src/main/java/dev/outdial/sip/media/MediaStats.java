package dev.outdial.sip.media;

import dev.outdial.sip.AudioQuality;
import dev.outdial.sip.CallQuality;
import java.time.Instant;
import java.util.Optional;

/**
 * Counters of one leg's RTP.
 *
 * @param packetsReceived RTP packets that arrived on the leg's port
 * @param packetsSent     packets the leg sent its far end: prompts, silence and relayed ones
 * @param packetsRelayed  of those, the ones relayed from the bridged leg (audio and keys)
 * @param firstPacketSent when the first packet bridged from the other leg went out (connect latency)
 * @param received        the loss and jitter of what the far end sent; empty before its first packet
 * @param receivedBridged the loss and jitter of what the far end of the leg bridged to this one sent while they were
 *                        bridged (a customer's leg: their agent's audio), the last bridge's; empty without one
 */
public record MediaStats(long packetsReceived, long packetsSent, long packetsRelayed,
                         Optional<Instant> firstPacketSent, Optional<AudioQuality> received,
                         Optional<AudioQuality> receivedBridged) {

    /** A customer's leg's call as its audio reached Outdial: theirs, their agent's while bridged; empty before any. */
    public Optional<CallQuality> quality() {
        return received.map(customer -> new CallQuality(customer, receivedBridged.orElse(null)));
    }
}
