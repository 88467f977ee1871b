package dev.outdial.dialing;

import java.util.List;

/**
 * Bots the admin seats in a running campaign on the simulated carrier: which of the business's
 * agents they sit in for, and how long each wraps up after a reached call (0 when not given).
 */
public record SimulatedSeating(Long campaignId, List<Long> agentIds, Integer wrapUpSeconds) {
}
