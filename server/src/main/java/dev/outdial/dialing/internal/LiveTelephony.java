package dev.outdial.dialing.internal;

import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.sim.SimulatedCarrier;
import dev.outdial.shared.CallAudio;
import java.util.Optional;

/**
 * The telephony the live engine uses, as {@code outdial.telephony.mode} chose it: the simulated
 * carrier, whose extras (bots' seats, simulated inbound calls, agent legs answered from the page)
 * exist only in sim mode, or the SIP adapter, with its registrar and agents' lines.
 */
public final class LiveTelephony implements CallAudio, AutoCloseable {

    private final TelephonyMode mode;
    private final Telephony port;
    private final SimulatedCarrier simulated;
    private final SipAdapter sip;

    private LiveTelephony(TelephonyMode mode, Telephony port, SimulatedCarrier simulated, SipAdapter sip) {
        this.mode = mode;
        this.port = port;
        this.simulated = simulated;
        this.sip = sip;
    }

    static LiveTelephony simulated(SimulatedCarrier carrier) {
        return new LiveTelephony(TelephonyMode.SIM, carrier, carrier, null);
    }

    static LiveTelephony sip(SipAdapter adapter) {
        return new LiveTelephony(TelephonyMode.SIP, adapter.telephony(), null, adapter);
    }

    public TelephonyMode mode() {
        return mode;
    }

    /** The engine's Telephony port. */
    public Telephony port() {
        return port;
    }

    /** The simulated carrier, in sim mode only. */
    public Optional<SimulatedCarrier> simulatedCarrier() {
        return Optional.ofNullable(simulated);
    }

    /** Real calls have audio; the simulated carrier's have none. */
    @Override
    public boolean heard() {
        return sip != null;
    }

    /** The SIP adapter, in sip mode only. */
    public Optional<SipAdapter> sipAdapter() {
        return Optional.ofNullable(sip);
    }

    @Override
    public void close() {
        if (sip != null) {
            sip.close();
        }
    }
}
