package dev.outdial.engine.sim.scenario;

/**
 * What a simulated day measured (issue 6's output keys, without the wall-clock figures, which the
 * engine may not read). Rates are shares (0.03 is 3 %).
 *
 * @param answered  calls answered by a person
 * @param connected calls that reached an agent
 * @param maxHourlyAbandonRate the worst clock hour (of the scenario's zone) with any answer
 * @param maxCountedHourlyAbandonRate the worst clock hour among those with at least
 *                  {@link #COUNTED_HOUR_ANSWERS} calls answered (the hours an abandon limit is held to)
 * @param occupancy share of logged-in agent time spent talking or in wrap-up
 * @param events    tasks the virtual-time scheduler ran
 */
public record RunFigures(
        String scenario,
        String strategy,
        long seed,
        int agents,
        long simulatedSeconds,
        long dials,
        long answered,
        long connected,
        long abandoned,
        double abandonRate,
        double maxHourlyAbandonRate,
        double maxCountedHourlyAbandonRate,
        double occupancy,
        double talkMinutesPerAgentHour,
        double connectsPerAgentHour,
        double meanWaitSeconds,
        double p95WaitSeconds,
        int violations,
        long events) {

    /** Fewer answers than this in an hour make its rate luck (one abandon in 30 is 3.3 %): it is not held to the limit. */
    public static final int COUNTED_HOUR_ANSWERS = 100;
}
