/**
 * When to dial and for whom: one {@link dev.outdial.engine.pacing.BusinessDialer} per business runs
 * a pacing round whenever something may have freed work, and asks each running campaign's
 * {@link dev.outdial.engine.pacing.CampaignRunner} for its next dials under the campaign's
 * {@link dev.outdial.engine.pacing.DialStrategy} — one class per dial type (manual, preview,
 * progressive, predictive, autocall, auto callback). The runner is what agents and the server act
 * on; one package-private class per job does the work: the pacing round, starting the plan, offers
 * and previews, auto callback's agent-first ring, the lease heartbeat. Predictive's ratio comes from what it has
 * observed ({@link dev.outdial.engine.pacing.PacingObservations}) and the abandon budget it may
 * still spend ({@link dev.outdial.engine.pacing.AbandonBudget}).
 */
package dev.outdial.engine.pacing;
