package dev.outdial.engine.sim.scenario;

/**
 * What a simulated day measured (issue 6's output keys, without the wall-clock figures, which the
 * engine may not read). Rates are shares (0.03 is 3 %).
 *
 * @param answered  calls answered by a person
 * @param connected calls that reached an agent
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
        double occupancy,
        double talkMinutesPerAgentHour,
        double connectsPerAgentHour,
        double meanWaitSeconds,
        double p95WaitSeconds,
        int violations,
        long events) {
}
