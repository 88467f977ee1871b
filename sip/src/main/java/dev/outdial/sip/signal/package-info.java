/**
 * SIP signalling over JAIN-SIP: {@link dev.outdial.sip.signal.SipEndpoint} owns the stack and routes
 * what arrives; {@link dev.outdial.sip.signal.SipCalls} keeps the legs; each
 * {@link dev.outdial.sip.signal.OutboundLeg} is one INVITE from offer to BYE, told to the engine as
 * Telephony's contract wants; {@link dev.outdial.sip.signal.ResponseResults} is the one table from a
 * SIP failure to a call result; {@link dev.outdial.sip.signal.Registrar} and
 * {@link dev.outdial.sip.signal.Bindings} are the agents' phones' registrar;
 * {@link dev.outdial.sip.signal.NailedUpLines} keeps agents' lines up under
 * {@link dev.outdial.sip.signal.VirtualAgentLeg}s; {@link dev.outdial.sip.signal.TrunkKeepAlive}
 * asks the trunk OPTIONS. Nothing here touches RTP: media is asked for through
 * {@link dev.outdial.sip.signal.MediaPorts} and {@link dev.outdial.sip.media.MediaLeg}.
 */
package dev.outdial.sip.signal;
