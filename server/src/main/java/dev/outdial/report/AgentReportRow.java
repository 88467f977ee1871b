package dev.outdial.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One agent's line of the agent report: their calls' figures (an abandoned call has no agent, so
 * there is no abandon rate per agent) and how much of their daily quota they used.
 */
public record AgentReportRow(long agentId, String agentName, @JsonUnwrapped CallFigures figures,
                             @JsonUnwrapped QuotaUse quota) {
}
