/**
 * The call records (SPEC §4.4): every call the dialer places, from its start under the pacer
 * lease to the agent's disposition, with the reads made of them — a campaign's calls and one
 * number's history, exports, the figures of the live view and the period sums of reports. The
 * dialing engine writes them through {@link dev.outdial.call.DialingCalls}, fenced by the
 * {@link dev.outdial.call.LineFence} it provides; a call's end is announced as
 * {@link dev.outdial.call.CallEnded}. An open call's steps reach its record a second late, so its
 * reads ask the engine first, through the {@link dev.outdial.call.LiveCalls} dialing provides.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calls")
package dev.outdial.call;
