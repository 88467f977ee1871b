package dev.outdial.agent;

import java.time.Instant;
import java.util.List;

/** A named set of agents, assigned to campaigns as a whole. */
public record AgentGroup(long id, String name, List<Long> agentIds, Instant createdAt) {
}
