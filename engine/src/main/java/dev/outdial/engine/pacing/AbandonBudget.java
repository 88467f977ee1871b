package dev.outdial.engine.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * Sets the share of the coming answers the overflow model may leave without an agent, so that the
 * campaign's realised abandon rate (abandoned ÷ answered by a person, SPEC §7) sits just below its
 * maximum, over the campaign and in every hour.
 *
 * <p>The model's share is not the abandon rate: a customer without an agent at the horizon waits
 * for the next one, and with many agents one is free within seconds, so the realised rate is a
 * fraction of the model's, which fraction depending on the team and the talk times. So the target
 * is learnt: a gain multiplies the aim and is nudged after every answer, up a little when the
 * customer got an agent, down much more when they were abandoned, which settles where the realised
 * rate equals the aim (a stochastic-approximation controller). Two guards hold it back: the budget
 * of the whole campaign (as the realised rate nears the maximum the target shrinks, down to a near
 * progressive trickle over it) and the last hour's own rate (counted with a short half-life), so a
 * bad quarter of an hour does not make a bad hour.
 */
final class AbandonBudget {

    /** Aim below the limit: a short run of bad luck should not take the campaign over it. */
    private static final double AIM = 0.75;
    /** Answers' worth of budget granted before the first call, so the first abandons do not stop dialing. */
    private static final double STARTING_ANSWERS = 30;
    /** How far one answer moves the gain, in log terms, per unit of (aim − outcome). */
    private static final double LEARNING_RATE = 0.005;
    /** The team size the learning rate is for; larger teams learn by less per answer. */
    private static final int TEAM_OF_REFERENCE = 10;
    private static final double LOWEST_GAIN = 0.3;
    private static final double HIGHEST_GAIN = 20;
    /** The hour guard's memory: half of an answer's weight is gone after this long. */
    private static final Duration RECENT_HALF_LIFE = Duration.ofMinutes(10);
    /** Answers' worth of a clean record the hour guard starts with, so one early abandon is not a 100 % hour. */
    private static final double RECENT_PRIOR = 20;

    private final double maxAbandonRate;
    /** Starts on the safe side: the first hour has the least to go on. */
    private double gain = 0.6;
    private double recentAnswered;
    private double recentAbandoned;
    private Instant recentAt;

    AbandonBudget(double maxAbandonRate) {
        this.maxAbandonRate = maxAbandonRate;
    }

    /** A call answered by a person ended, abandoned or not: the controller learns from it. */
    void answered(boolean abandoned, Instant at, int agents) {
        double aim = maxAbandonRate * AIM;
        // A large team answers many more calls an hour: each moves the gain less, so it learns at the
        // same pace per hour whatever the team, instead of racing ahead of the abandons still to come.
        double rate = LEARNING_RATE * Math.min(1, (double) TEAM_OF_REFERENCE / Math.max(1, agents));
        // Up by the learning rate for an answer that got an agent, down by (1 − aim) ÷ aim times that for
        // an abandon: even when abandons are a share of aim of the answers.
        double outcome = abandoned ? 1 : 0;
        gain = Math.clamp(gain * Math.exp(rate * (aim - outcome) / aim), LOWEST_GAIN, HIGHEST_GAIN);
        decayTo(at);
        recentAnswered++;
        if (abandoned) {
            recentAbandoned++;
        }
    }

    /** The share of the coming answers that may go without an agent. */
    double targetShare(long answered, long abandoned, Instant now) {
        double spent = abandoned / (maxAbandonRate * (answered + STARTING_ANSWERS));
        double campaign = Math.clamp(1.5 - spent, 0.05, 1.0);
        decayTo(now);
        double recentRate = recentAbandoned / (recentAnswered + RECENT_PRIOR);
        double hour = Math.clamp(1.5 - recentRate / (maxAbandonRate * AIM), 0.05, 1.0);
        return maxAbandonRate * AIM * gain * Math.min(campaign, hour);
    }

    private void decayTo(Instant now) {
        if (recentAt != null && now.isAfter(recentAt)) {
            double factor = Math.pow(0.5, Duration.between(recentAt, now).toMillis() / (double) RECENT_HALF_LIFE.toMillis());
            recentAnswered *= factor;
            recentAbandoned *= factor;
        }
        if (recentAt == null || now.isAfter(recentAt)) {
            recentAt = now;
        }
    }
}
