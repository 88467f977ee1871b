package dev.outdial.engine.simulation;

import dev.outdial.engine.port.ForwardingTelephony;
import dev.outdial.engine.port.Telephony;

/** The simulated carrier as a SIP adapter looks to the engine: agents answer on phones of their own. */
final class PhonesOfTheirOwn extends ForwardingTelephony {

    PhonesOfTheirOwn(Telephony carrier) {
        super(carrier);
    }

    @Override
    public boolean agentsHaveTheirOwnPhones() {
        return true;
    }
}
