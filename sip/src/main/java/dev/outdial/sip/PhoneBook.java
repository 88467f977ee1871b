package dev.outdial.sip;

import dev.outdial.engine.customer.AgentId;
import java.util.Optional;

/**
 * The SIP accounts of agents' phones, kept by the application: the registrar asks it for the
 * account a REGISTER names. Called on SIP threads: an implementation must be thread-safe and quick
 * (cache what a database would answer).
 */
public interface PhoneBook {

    /** The account with this SIP user name, if an agent has it. */
    Optional<PhoneAccount> account(String sipUsername);

    /**
     * One agent's phone account.
     *
     * @param ha1 the digest secret MD5(username ":" realm ":" password) in lower-case hex, so the
     *            password itself is never stored
     */
    record PhoneAccount(AgentId agent, String username, String ha1) {
    }
}
