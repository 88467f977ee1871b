package dev.outdial.agent;

/**
 * An agent's phone account as the API shows it: the SIP user name and whether the phone is
 * registered now; never the password, which is not kept.
 */
public record AgentPhone(long userId, String sipUsername, boolean registered) {
}
