package dev.outdial.engine.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast the lines in flight may grow. A dial's fate is drawn when it is placed, so the dials of
 * the last ring time are dialed blind: were the answer rate to rise now, every one of them would be
 * answered at the new rate before any answer at it came back, and reading the rise sooner cannot
 * help (issue 15's fuzz: 276 agents at 24 % placed 293 dials in 15 s for free agents that had piled
 * up, against about 120 a ring time on a steady pace; the rate had just stepped to 82 %, and 157
 * customers were abandoned in 12 s with a room of 7).
 *
 * <p>So the extra answers those dials would bring, were the answer rate to go to {@link #RISE} times
 * what it is read at (at most every call answered), are held to what the same rise would bring on
 * the team's steady pace (a ring time's worth of agents freeing: team ÷ mean busy time, or the wave
 * the busy agents' times foresee if larger), plus {@link #SLACK} answers and {@link #ROOM_SHARE} of
 * the whole abandons the day and the clock hour have left. At a low answer rate that lets the lines
 * grow only about as fast as the agents free, so a pile of free agents is dialed for over a few
 * ring times, not in one; at a high one a rise can bring little, and the cap seldom binds.
 */
final class DialGrowth {

    /**
     * The rise the blind dials are held against. The fuzzed days that broke the limit rose 3.4 to 7.8
     * times; a bound the rate's noise could reach would cap every steady day.
     */
    private static final double RISE = 3;
    /**
     * Answers the cap always leaves beyond the steady pace: a team of a few agents frees a ring time
     * a fraction of an agent on average, and whole agents at a time.
     */
    private static final double SLACK = 2;
    /**
     * The share of the abandons left a rise among the blind dials may take: the room lets a day far
     * within its limit catch up with a pile of free agents. Tried before the wave term: all of it took
     * a 226-agent day's room at once (3.06 % of 3 %), half cost the limits suite's 40 → 10 % day 0.8
     * points of occupancy.
     */
    private static final double ROOM_SHARE = 0.75;
    /**
     * Teams smaller than this are not capped: their lines in flight are few, and held by the burst guard's
     * tail ({@link OverflowModel}), whose room is a few whole abandons. The cap bound them seldom and by a few
     * dials (a 22-agent day: 54 rounds and 329 dials in 6 h; a 20-agent
     * one: 27 rounds, 118 dials), so it moved their days' path rather than held a rise. Over fuzz seeds 1-7,
     * capping every team took five flagged days of teams of 28-68 agents and made five of 20-58 (hours over on
     * both sides); from 100 agents it took four, all whole days over, and made none. From 60 it also takes a
     * 68-agent day (#19 of seed 7: 3.36 → 0.77 %, its hour 4.78 → 1.12 %) and still makes none over the 393
     * days of 60-99 agents; from 50 it would take a 54-agent one (#55 of seed 6, hours of 4.5-5.7 → 2.2 %)
     * but put a 58-agent one over (#101 of seed 3: an hour 1.75 → 3.27 % at 3 %).
     */
    static final int SMALLEST_TEAM = 60;
    /**
     * The longest ring time counted, in seconds, as when the cap kept two minutes of dials of its own: no
     * answered call rings that long, and the answer-rate history it reads keeps ten.
     */
    private static final int LONGEST_RING_SECONDS = 119;

    private DialGrowth() {
    }

    /** The dials the campaign placed, by the second: the same history the answer rate's rise is read from. */
    @FunctionalInterface
    interface DialsPlaced {
        /** Dials placed in the seconds from {@code fromSecond} to {@code toSecond} (epoch seconds), both counted. */
        long between(long fromSecond, long toSecond);
    }

    /**
     * The most dials to place now; {@link Integer#MAX_VALUE} where the cap does not bind, the team is
     * smaller than {@link #SMALLEST_TEAM}, or nothing is known yet of how long agents stay busy.
     *
     * @param ringTime        how long answered calls ring: the dials placed within it are blind
     * @param answerRate      the answer rate the dials are placed at
     * @param team            agents Available
     * @param meanBusySeconds how long an agent stays busy once connected, 0 if not known yet
     * @param wholeAbandons   the whole abandons the day and the clock hour have left
     * @param freeing         the busy agents expected free within the horizon of a call dialed now
     * @param dialed          the campaign's dials so far
     */
    static int most(Instant now, Duration ringTime, double answerRate, int team, double meanBusySeconds,
                    int wholeAbandons, double freeing, DialsPlaced dialed) {
        double extraPerDial = Math.min(1, RISE * answerRate) - answerRate;
        if (team < SMALLEST_TEAM || meanBusySeconds <= 0 || extraPerDial <= 0) {
            return Integer.MAX_VALUE;
        }
        long nowSecond = now.getEpochSecond();
        long blind = dialed.between(nowSecond - Math.clamp(ringTime.toSeconds(), 1, LONGEST_RING_SECONDS), nowSecond);
        // Agents who end talks of one length together free in waves the busy agents' walk foresees: a wave
        // counts as it comes, not spread over the steady pace (65 agents on talks of exactly 150 s lost 7
        // points of occupancy so).
        double freeingPerRing = Math.max(team * (ringTime.toMillis() / 1000.0) / meanBusySeconds, freeing);
        double allowed = (RISE - 1) * freeingPerRing + SLACK + ROOM_SHARE * wholeAbandons;
        return (int) Math.clamp(Math.floor(allowed / extraPerDial - blind), 0, Integer.MAX_VALUE);
    }
}
