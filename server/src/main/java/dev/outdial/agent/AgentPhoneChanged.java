package dev.outdial.agent;

/**
 * Published when a user's phone account was set or removed, or the user was changed or deleted: a
 * cache of accounts forgets what it knew. The registrar drops the user's bindings when {@code removed}.
 */
public record AgentPhoneChanged(long userId, boolean removed) {
}
