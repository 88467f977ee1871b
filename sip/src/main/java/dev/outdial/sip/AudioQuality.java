package dev.outdial.sip;

/**
 * How a call's audio reached Outdial from its far end, measured on the RTP it received (RFC 3550): the packets missing
 * from the sequence, and the interarrival jitter (how unevenly they came), which a carrier's congested route or an
 * agent's busy Wi-Fi shows first.
 *
 * @param packetsExpected  the packets the far end's sequence numbers say it sent
 * @param packetsLost      of those, the ones that never arrived (late duplicates cannot make it negative)
 * @param meanJitterMillis the interarrival jitter's mean over the call, in milliseconds
 * @param maxJitterMillis  its highest
 * @param roundTripMillis  the mean round trip between Outdial and the far end RTCP's reports measured (RFC 3550
 *                         §6.4.1, SRTCP with SRTP); null where the far end sent none that could
 */
public record AudioQuality(long packetsExpected, long packetsLost, double meanJitterMillis, double maxJitterMillis,
                           Double roundTripMillis) {

    /** Without a round trip measured. */
    public AudioQuality(long packetsExpected, long packetsLost, double meanJitterMillis, double maxJitterMillis) {
        this(packetsExpected, packetsLost, meanJitterMillis, maxJitterMillis, null);
    }

    public AudioQuality {
        if (packetsExpected < 0 || packetsLost < 0 || packetsLost > packetsExpected) {
            throw new IllegalArgumentException("lost " + packetsLost + " of " + packetsExpected + " packets");
        }
        if (meanJitterMillis < 0 || maxJitterMillis < meanJitterMillis) {
            throw new IllegalArgumentException("jitter mean " + meanJitterMillis + " ms, highest " + maxJitterMillis);
        }
        if (roundTripMillis != null && !(roundTripMillis >= 0)) {
            throw new IllegalArgumentException("a round trip of " + roundTripMillis + " ms");
        }
    }

    /** The same, with the round trip RTCP measured. */
    public AudioQuality withRoundTrip(double millis) {
        return new AudioQuality(packetsExpected, packetsLost, meanJitterMillis, maxJitterMillis, millis);
    }

    /** The share of the expected packets lost, 0 to 1. */
    public double lossRatio() {
        return packetsExpected == 0 ? 0 : (double) packetsLost / packetsExpected;
    }

    /**
     * The mean opinion score (1 bad to 4.4, G.711's best) the loss, the mean jitter and the network's delay give by the
     * simplified E-model of Cole and Rosenbluth (ITU-T G.107's R factor for G.711, a jitter buffer twice the jitter,
     * the one-way delay half the round trip): where RTCP measured no round trip, the network's delay is not counted,
     * so the score is the line's best case.
     */
    public double meanOpinionScore() {
        double latency = (roundTripMillis == null ? 0 : roundTripMillis / 2) + 2 * meanJitterMillis + 10;
        double delayImpairment = latency < 160 ? latency / 40 : (latency - 120) / 10;
        double r = Math.clamp(93.2 - delayImpairment - 2.5 * 100 * lossRatio(), 0, 100);
        return 1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r);
    }
}
