/**
 * Users of a business and their roles, agent groups, sign-in; later agent sessions, states and
 * quotas. Other modules ask {@link dev.outdial.agent.UserAccounts} and
 * {@link dev.outdial.agent.AgentGroups}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agents and users")
package dev.outdial.agent;
