package dev.outdial.dialing.internal;

import dev.outdial.agent.PhoneRegistrar;
import dev.outdial.engine.customer.AgentId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The agents module's view of phones: the realm from the settings and, in sip mode, the
 * registrar's word. The telephony is looked up when asked: it is built from the phone book, which
 * reads the agents module.
 */
@Component
class LivePhoneRegistrar implements PhoneRegistrar {

    private final String realm;
    private final ObjectProvider<LiveTelephony> telephony;

    LivePhoneRegistrar(TelephonyProperties settings, ObjectProvider<LiveTelephony> telephony) {
        this.realm = settings.realm();
        this.telephony = telephony;
    }

    @Override
    public String realm() {
        return realm;
    }

    @Override
    public boolean isRegistered(long userId) {
        return telephony.getObject().sipAdapter()
                .filter(sip -> sip.registrations().isRegistered(AgentId.of(String.valueOf(userId))))
                .isPresent();
    }
}
