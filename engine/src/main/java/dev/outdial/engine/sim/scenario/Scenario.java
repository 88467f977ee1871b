package dev.outdial.engine.sim.scenario;

import dev.outdial.engine.sim.Distribution;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * A simulated day of a predictive campaign (issue 6's scenario file): who works, who is called,
 * how customers behave and what the campaign allows.
 *
 * @param answerRates the share of dials a person answers, in steps from the start of the day;
 *                    the first step starts at zero
 * @param patience    how long an answered customer listens to the waiting music before hanging up
 * @param zone        the business's time zone: the day starts at 09:00 on its clock, and the abandon
 *                    limit's hours are its clock hours
 */
public record Scenario(
        String name,
        long seed,
        int agents,
        int customers,
        Duration duration,
        double maxAbandonRate,
        Duration maxWait,
        int maxConcurrentCalls,
        int maxCallsPerCustomer,
        Duration retryGap,
        List<AnswerStep> answerRates,
        double busyProbability,
        Duration noAnswerTimeout,
        Distribution ringTime,
        Distribution talkTime,
        Distribution wrapUpTime,
        Distribution patience,
        ZoneId zone) {

    /** From {@code from} after the start of the day, a person answers with {@code probability}. */
    public record AnswerStep(Duration from, double probability) {
    }

    public Scenario {
        Objects.requireNonNull(name, "name");
        answerRates = List.copyOf(answerRates);
        if (answerRates.isEmpty() || !answerRates.getFirst().from().isZero()) {
            throw new IllegalArgumentException("answerProbability must start at the beginning of the day");
        }
        if (agents < 1 || customers < 0 || maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("a scenario needs agents, customers and lines");
        }
        Objects.requireNonNull(zone, "zone");
    }

    /** A day in UTC, as every scenario was before scenarios had a zone. */
    public Scenario(String name, long seed, int agents, int customers, Duration duration, double maxAbandonRate,
                    Duration maxWait, int maxConcurrentCalls, int maxCallsPerCustomer, Duration retryGap,
                    List<AnswerStep> answerRates, double busyProbability, Duration noAnswerTimeout, Distribution ringTime,
                    Distribution talkTime, Distribution wrapUpTime, Distribution patience) {
        this(name, seed, agents, customers, duration, maxAbandonRate, maxWait, maxConcurrentCalls, maxCallsPerCustomer,
                retryGap, answerRates, busyProbability, noAnswerTimeout, ringTime, talkTime, wrapUpTime, patience,
                ZoneOffset.UTC);
    }

    /** The same day with another number of agents (and customers in proportion), for a benchmark matrix. */
    public Scenario withAgents(int count) {
        return new Scenario(name, seed, count, (int) ((long) customers * count / agents), duration, maxAbandonRate,
                maxWait, maxConcurrentCalls, maxCallsPerCustomer, retryGap, answerRates, busyProbability,
                noAnswerTimeout, ringTime, talkTime, wrapUpTime, patience, zone);
    }

    /** The same day in another time zone. */
    public Scenario inZone(ZoneId other) {
        return new Scenario(name, seed, agents, customers, duration, maxAbandonRate, maxWait, maxConcurrentCalls,
                maxCallsPerCustomer, retryGap, answerRates, busyProbability, noAnswerTimeout, ringTime, talkTime,
                wrapUpTime, patience, other);
    }
}
