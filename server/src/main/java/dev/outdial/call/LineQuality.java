package dev.outdial.call;

/**
 * How a group's calls' audio reached Outdial on one side, the customer's or the agent's, over the calls whose line
 * was measured (real calls; see {@link CallActivity.Quality}): the mean of their mean opinion scores, how many of
 * them were poor, and the share of all their packets that were lost. A supervisor reads it to find the agent whose
 * network is bad, or the campaign whose carrier's route is. The calls on which the network lost this side (its
 * {@code CallEnd}, counted whether measured or not) say the same of lines that dropped.
 *
 * @param calls            the calls measured on this side
 * @param meanOpinionScore the mean of their scores, 1 (bad) to 4.4 (G.711's best); null where none was measured
 * @param poorCalls        those scored below {@link #POOR_BELOW}
 * @param lossPercent      the packets lost of all those expected, in per cent; null where none was expected
 * @param linesLost        the group's calls ended by the network losing this side's line
 */
public record LineQuality(long calls, Double meanOpinionScore, long poorCalls, Double lossPercent, long linesLost) {

    /**
     * A call's line is poor below this score: an R factor of 70, below which ITU-T G.107 (Annex B) has many users
     * dissatisfied.
     */
    public static final double POOR_BELOW = 3.6;

    private static final LineQuality NONE = new LineQuality(0, null, 0, null, 0);

    /** No call measured. */
    public static LineQuality none() {
        return NONE;
    }

    /** The quality of {@code calls} calls whose scores add up to {@code scores}, from their summed packets. */
    public static LineQuality of(long calls, double scores, long poorCalls, long packetsLost, long packetsExpected) {
        if (calls == 0) {
            return NONE;
        }
        return new LineQuality(calls, scores / calls, poorCalls,
                packetsExpected == 0 ? null : 100.0 * packetsLost / packetsExpected, 0);
    }

    /** This quality, with {@code lost} calls whose line the network lost. */
    public LineQuality withLinesLost(long lost) {
        return new LineQuality(calls, meanOpinionScore, poorCalls, lossPercent, lost);
    }
}
