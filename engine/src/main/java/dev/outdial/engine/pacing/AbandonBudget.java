package dev.outdial.engine.pacing;

/**
 * Keeps the campaign's abandon rate (abandoned ÷ answered by a person, SPEC §7) within its maximum
 * over the whole campaign. The overflow model's estimate is only an estimate (customers hang up
 * before the maximum wait, agents are slower than their history), so the share of abandons the
 * next dials may risk is set from what the campaign has spent of its budget: it aims below the
 * maximum while the budget is unspent and tightens as the realised rate nears it, down to a
 * near-progressive trickle when the rate is over.
 */
final class AbandonBudget {

    /** Aim below the limit: a short run of bad luck should not take the campaign over it. */
    private static final double AIM = 0.7;
    /** Answers' worth of budget granted before the first call, so the first abandons do not stop dialing. */
    private static final double STARTING_ANSWERS = 30;

    private final double maxAbandonRate;

    AbandonBudget(double maxAbandonRate) {
        this.maxAbandonRate = maxAbandonRate;
    }

    /** The share of the coming answers that may go without an agent. */
    double targetShare(long answered, long abandoned) {
        double spent = abandoned / (maxAbandonRate * (answered + STARTING_ANSWERS));
        double factor = Math.clamp(1.5 - spent, 0.05, 1.2);
        return maxAbandonRate * AIM * factor;
    }
}
