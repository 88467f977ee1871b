/**
 * The SIP adapter of the engine's {@link dev.outdial.engine.port.Telephony} port (ARCHITECTURE §3).
 *
 * <p>Outdial is a back-to-back user agent: customer legs go to the carrier's trunk, agent legs to the
 * phones that register here, and the media of every leg is anchored in this JVM. This package is the
 * adapter's whole public face: {@link SipTelephony} and what the application hands it
 * ({@link SipSettings}, {@link PhoneBook}, {@link PromptSource}) or reads from it
 * ({@link PhoneRegistrations}, {@link TrunkStatus}). {@code signal} speaks SIP through JAIN-SIP;
 * {@code media} moves G.711 RTP and RFC 4733 key presses. Nothing outside this module imports
 * {@code javax.sip} or handles RTP.
 */
package dev.outdial.sip;
