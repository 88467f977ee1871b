/**
 * IVRs of autocall campaigns (SPEC §2): trees of nodes that play a prompt or collect a key, with an
 * action per key. {@link dev.outdial.engine.ivr.IvrSession} (in the engine) says what a caller hears and where the call ends,
 * for the dialer. This module depends on campaigns (classifications for SET_RESULT, and whether a
 * campaign names an IVR) and on audio files, and offers campaigns an
 * {@link dev.outdial.campaign.IvrCatalog}, so campaigns never depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "IVRs")
package dev.outdial.ivr;
