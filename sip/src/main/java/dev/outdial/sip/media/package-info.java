/**
 * Media anchored in the JVM, deliberately narrow: G.711 µ-law and A-law in 20 ms RTP packets,
 * RFC 4733 telephone-events both ways, prompts converted once from uploaded audio, and bridging by
 * relaying packets between two legs with SSRC, sequence numbers and timestamps rewritten so each
 * side hears one continuous stream, with RTCP's reports both ways on the port after each leg's (SRTCP with SRTP):
 * the far end's loss and jitter, and the round trip. {@link dev.outdial.sip.media.MediaEngine} opens a
 * {@link dev.outdial.sip.media.MediaLeg} per call leg; signalling tells it the far end from SDP.
 */
package dev.outdial.sip.media;
