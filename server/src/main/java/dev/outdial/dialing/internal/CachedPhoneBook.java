package dev.outdial.dialing.internal;

import dev.outdial.agent.AgentPhoneAccounts;
import dev.outdial.agent.AgentPhoneChanged;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.sip.PhoneBook;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Agents' phone accounts for the registrar, which asks on SIP threads for every REGISTER: answers
 * come from the database once, then from memory until an account or its user changes (forgotten
 * after the change commits, so nothing reloads the old value). An account kept under another realm
 * than the configured one is no account: its password must be set again.
 */
@Component
class CachedPhoneBook implements PhoneBook {

    /** Unknown names are remembered too (phones retry); past this many, memory starts over. */
    private static final int MAX_REMEMBERED = 10_000;

    private final AgentPhoneAccounts accounts;
    private final String realm;
    private final Map<String, Optional<PhoneAccount>> remembered = new ConcurrentHashMap<>();

    CachedPhoneBook(AgentPhoneAccounts accounts, TelephonyProperties telephony) {
        this.accounts = accounts;
        this.realm = telephony.realm();
    }

    @Override
    public Optional<PhoneAccount> account(String sipUsername) {
        if (sipUsername == null) {
            return Optional.empty();
        }
        Optional<PhoneAccount> known = remembered.get(sipUsername);
        if (known != null) {
            return known;
        }
        Optional<PhoneAccount> loaded = accounts.secretOf(sipUsername)
                .filter(secret -> secret.realm().equals(realm))
                .map(secret -> new PhoneAccount(AgentId.of(String.valueOf(secret.userId())), secret.sipUsername(),
                        secret.ha1()));
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(sipUsername, loaded);
        return loaded;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(AgentPhoneChanged change) {
        remembered.clear();
    }
}
