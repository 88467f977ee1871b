package dev.outdial.engine.pacing;

import dev.outdial.engine.rules.CallingWindow;
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

    /** Aim below the limit: a short run of bad luck, or a drift not yet seen, should not take the campaign over it. */
    private static final double AIM = 0.75;
    /** The aim once the answer rate has been steady a while: closer to the limit, the day being predictable. */
    private static final double STEADY_AIM = 0.97;
    /**
     * How many standard deviations of an hour's abandon rate the steady aim leaves below the limit, so
     * that an unlucky clock hour still keeps it; and the lowest share of the limit that margin may take
     * the aim to (an hour of few answers is noisy, but dialing cannot stop for it).
     */
    private static final double HOUR_NOISE_ROOM = 2;
    private static final double LEAST_STEADY_AIM = 0.5;
    /**
     * Above this share of the limit realised over the campaign so far, the aim the gain learns towards
     * comes down, by this many times the excess: the rest of the day pays back what the start overspent.
     */
    private static final double PAY_BACK_FROM = 0.9;
    private static final double PAY_BACK = 3;
    private static final double PAY_BACK_PRIOR = 200;
    /** How much of the team-size slowdown of learning a steady answer rate lifts (0: none, 1: all). */
    private static final double STEADY_LEARNING = 0.8;
    /**
     * On a steady day the hour guard starts holding back only as the last hour nears the aim (at
     * 0.5 of it when drifting): a few abandons in ten minutes are then luck, and answering each by
     * dialing less wastes the agents' time.
     */
    private static final double STEADY_HOUR_SLACK = 0.8;
    /** The hour guard's decayed count holds about 14.4 minutes of answers (half-life ÷ ln 2): an hour is 4.16 of them. */
    private static final double HOUR_PER_RECENT_WEIGHT = 60 / (10 / Math.log(2));
    /** Answers' worth of budget granted before the first call, so the first abandons do not stop dialing. */
    private static final double STARTING_ANSWERS = 30;
    /** How far one answer moves the gain, in log terms, per unit of (aim − outcome). */
    private static final double LEARNING_RATE = 0.005;
    /** The team size the learning rate is for; larger teams learn by less per answer. */
    private static final int TEAM_OF_REFERENCE = 10;
    /**
     * The model can be optimistic by far more than three times (customers who hang up in the first
     * second of waiting, a max wait of 2 s): a floor at 0.3 left the gain unable to go where the
     * realised rate meets the aim, and the guards then held the dialing back in bursts, which both
     * broke the hour and cost occupancy. At 0.05 the gain still sat on the floor on a 92-agent day
     * of 65 % answers within 1–10 s, 32 s talks and a 2 s wait (the model 50–90 times optimistic), and
     * the caps it scales ({@link #overflowLeft}) let five of eight clock hours end at 4.02–4.05 %
     * against a 4 % limit; it settles at 0.011–0.02 there.
     */
    private static final double LOWEST_GAIN = 0.01;
    private static final double HIGHEST_GAIN = 20;
    /** {@link #gainNearItsFloor}: a gain of 0.1 or less (a steady 332-agent day's sat at 0.01-0.07 from its 45th minute). */
    private static final double NEAR_FLOOR = 10;
    /** The hour guard's memory: half of an answer's weight is gone after this long. */
    private static final Duration RECENT_HALF_LIFE = Duration.ofMinutes(10);
    /** Answers' worth of a clean record the hour guard starts with, so one early abandon is not a 100 % hour. */
    private static final double RECENT_PRIOR = 20;

    /**
     * A clock hour is held to the limit once it has this many answers (an hour of fewer is too small
     * for a rate: one abandon in 30 answers is 3.3 %). Until then its room is the limit's share of
     * this many: however the hour goes on, and whenever the session ends, it keeps the limit.
     */
    private static final double COUNTED_HOUR_ANSWERS = 100;
    /** Hours expected to have fewer answers than this are left to the day's guard: one abandon would be over 1 %. */
    private static final double HOUR_COUNTS_FROM = 80;
    /** An hour that has spent its budget does not make each abandon move the gain by more than twice the usual. */
    private static final double LEAST_LEARNING_AIM = 0.5;
    /** How many abandons a burst counts for, in the room an hour or the day has left ({@link #abandonsWithin}). */
    private static final double ABANDONS_PER_BURST = 2;
    /** Rooms of this many abandons and more are counted with the normal approximation. */
    private static final double POISSON_UP_TO = 30;
    /** How many standard deviations of the rest of the hour's abandons the hour's aim leaves below the limit. */
    private static final double HOUR_DEVIATIONS = 2;
    /**
     * The chance of a burst that breaks the limit, spread over the rounds until the room earns one
     * more abandon ({@link #burstRoom}). On issue 6's 10-agent day (hours of ~130 answers, three
     * abandons each), seeds 1–40: 0.03 left one hour at 4 abandons, 0.01 none (seeds 41–80 too);
     * 0.003 cost more occupancy and, the dynamics not being monotone, broke a 40 → 10 % drop instead.
     */
    private static final double BURST_RISK = 0.01;
    /** How long the window is taken to stay open when no close is in sight, before it is looked at again. */
    private static final Duration CLOSE_LOOKED_FOR_AGAIN = Duration.ofMinutes(1);
    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();
    /** Starts on the safe side: the first hour has the least to go on. */
    private static final double STARTING_GAIN = 0.6;

    private final double maxAbandonRate;
    /** The business's clock hours: those a regulator and the contact center count the limit in ({@link #hoursIn}). */
    private ClockHours clockHours;
    private double gain = STARTING_GAIN;
    /** Where the campaign dials: an overspent hour pays back with the answers before it closes (null: no close). */
    private CallingWindow window;
    /**
     * Where the window closes after the instants from {@link #closeKnownFrom} to {@link #closeKnownUntil}
     * ({@link Instant#MAX}: no close in sight), worked out once for them: the hour's forecast asks at every round.
     */
    private Instant closesAt = Instant.MAX;
    private Instant closeKnownFrom = Instant.MAX;
    private Instant closeKnownUntil = Instant.MIN;
    /** The clock hour the hour's counts are for, by its first instant ({@link ClockHours#hourOf}). */
    private long hour = Long.MIN_VALUE;
    private long hourAnswered;
    private long hourAbandoned;
    /** The abandons of the hour before {@link #hour}: a new zone's hour may have begun among them ({@link #hoursIn}). */
    private long previousHourAbandoned;
    /** Between 0 (drifting, or too early to tell) and 1 (steady), as {@link #steadiness} last set it. */
    private double steadiness;
    /** The answer rate was steady since the last drift: a drift now is news. */
    private boolean wasSteady;
    private long campaignAnswered;
    private long campaignAbandoned;
    private double recentAnswered;
    private double recentAbandoned;
    private Instant recentAt;
    /** The last pacing round dialed fewer than the target allowed: the promise held it back. */
    private boolean heldByPromise;
    /** The abandons once passed the room the day or a counted clock hour had, by more than one ({@link #overspentItsRoom}). */
    private boolean overspent;
    /**
     * The room {@link #abandonsLeft} last counted in, and what it found: a round asks twice, and the room
     * moves only with an answer or an abandon, so most rounds skip the Poisson search (40 halvings of
     * a sum of up to 15 terms, twice a round: the largest cost of a round after the busy agents' walk).
     */
    private double lastRoom = Double.NaN;
    private double lastAbandonsLeft;

    AbandonBudget(double maxAbandonRate, ClockHours clockHours) {
        this.maxAbandonRate = maxAbandonRate;
        this.clockHours = clockHours;
    }

    /** A budget counting the hours of UTC. */
    AbandonBudget(double maxAbandonRate) {
        this(maxAbandonRate, ClockHours.utc());
    }

    /**
     * How steady the answer rate has been, 0 to 1: the steadier, the closer to the limit the aim. A
     * drift takes the margin back at once; steadiness earns it back only as the answer rate proves it.
     */
    void steadiness(double steadiness) {
        double now = Math.clamp(steadiness, 0, 1);
        if (now > 0.5) {
            wasSteady = true;
        } else if (now == 0 && wasSteady) {
            wasSteady = false;
            if (gain > 1) {
                // The answer rate has just moved: the gain was learnt on the old one, and a gain learnt high
                // on a lucky run would overdial the new one, so half of it (in log terms) is given back.
                gain = Math.sqrt(gain);
            }
        }
        this.steadiness = now;
    }

    private double aim() {
        // An hour of few answers is noisy (140 answers: one abandon is 0.7 %), and every clock hour is a
        // promise, so the steady aim leaves two standard deviations of an hour's rate below the limit.
        double answersPerHour = answersPerHour();
        double hourNoise = Math.sqrt(maxAbandonRate / Math.max(1, answersPerHour));
        double steadyAim = Math.clamp(maxAbandonRate - HOUR_NOISE_ROOM * hourNoise, maxAbandonRate * LEAST_STEADY_AIM,
                maxAbandonRate * STEADY_AIM);
        double aim = maxAbandonRate * AIM + (steadyAim - maxAbandonRate * AIM) * steadiness;
        double excess = Math.max(0, realisedRate() - maxAbandonRate * PAY_BACK_FROM);
        return Math.max(maxAbandonRate * 0.25, aim - PAY_BACK * excess);
    }

    /**
     * The campaign's abandon rate so far, with a clean start of some answers: the first half hour's
     * abandons are the campaign guard's to answer for, the pay-back is for a day's overspending.
     */
    private double realisedRate() {
        return campaignAbandoned / (campaignAnswered + PAY_BACK_PRIOR);
    }

    /**
     * A call answered by a person at {@code answeredAt} is settled at {@code at}: connected to an
     * agent, or abandoned. The controller learns from it, and the day's and the hour's counts take it.
     */
    void answered(boolean abandoned, Instant answeredAt, Instant at, int agents) {
        // The gain learns towards the rate the target asks for, the clock hour's cap included: learnt
        // against the day's aim alone it climbed while the hour held the target back, and undid the cap.
        double aim = Math.max(hourAim(at), aim() * LEAST_LEARNING_AIM);
        campaignAnswered++;
        if (abandoned) {
            campaignAbandoned++;
        }
        rollHourTo(at);
        if (clockHours.hourOf(answeredAt) == hour) {
            hourAnswered++;
            if (abandoned) {
                hourAbandoned++;
            }
        }
        if (abandoned && (dayRoom() < -1 || hourAnswered >= COUNTED_HOUR_ANSWERS && hourRoom(at) < -1)) {
            overspent = true;
        }
        // A large team answers many more calls an hour: each moves the gain less, so it learns at the
        // same pace per hour whatever the team, instead of racing ahead of the abandons still to come.
        // Once the answer rate is steady the abandons to come are like those seen, so a large team may
        // learn faster: by the team ratio to the power 0.2 instead of the ratio itself.
        double teamRatio = Math.min(1, (double) TEAM_OF_REFERENCE / Math.max(1, agents));
        double rate = LEARNING_RATE * Math.pow(teamRatio, 1 - STEADY_LEARNING * steadiness);
        // Up by the learning rate for an answer that got an agent, down by (1 − aim) ÷ aim times that for
        // an abandon: even when abandons are a share of aim of the answers.
        double outcome = abandoned ? 1 : 0;
        if (!abandoned && heldByPromise) {
            // The promise, not the target, set how many were dialed: an answer that found an agent says
            // nothing of the target, and learning up from it raised the gain an hour's spent budget held
            // back, to overdial as soon as the next hour began.
            rate = 0;
        }
        gain = Math.clamp(gain * Math.exp(rate * (aim - outcome) / aim), LOWEST_GAIN, HIGHEST_GAIN);
        decayTo(at);
        recentAnswered++;
        if (abandoned) {
            recentAbandoned++;
        }
    }

    /**
     * Whether the gain is within {@link #NEAR_FLOOR} times its floor: the model counts so many fewer
     * customers without an agent than are abandoned that the target it scales can hardly hold it back
     * (the overflow's normal tail is steep: at a hundredth of the model's share the calls are nearly as many).
     */
    boolean gainNearItsFloor() {
        return gain <= LOWEST_GAIN * NEAR_FLOOR;
    }

    /**
     * Whether the abandons have passed the room the day or a counted clock hour had by more than one: more
     * than the whole abandons left came at once, which the burst's tail ({@link #burstRoom}) holds to a chance
     * of about {@link #BURST_RISK} over the time the room takes to earn one more. Once is evidence enough
     * that the tail's count of the agents freeing is optimistic on this campaign, whatever the gain says; so it is
     * kept for the campaign's life, a pause or a {@link #restart} included (the count's error is the campaign's).
     */
    boolean overspentItsRoom() {
        return overspent;
    }

    /** Whether the last pacing round dialed fewer than the target allowed, held by the abandons left. */
    void heldByPromise(boolean held) {
        this.heldByPromise = held;
    }

    /**
     * The campaign starts again after a pause, or with a smaller team than it learnt with: what it
     * learnt of how far to trust the model may not hold now, so it earns the gain again from the
     * safe start (a larger gain learnt on a larger team would overdial a smaller one).
     */
    void restart() {
        gain = Math.min(gain, STARTING_GAIN);
    }

    /**
     * How many more abandons, in expectation, the calls up and those dialed now may cost and still
     * leave the day's rate and the clock hour's rate at or under the limit: the promise, which no
     * learnt target may override. The day's answers so far earn their share of abandons, and so do
     * the clock hour's (at least those of an hour that counts).
     */
    double abandonsLeft(Instant now) {
        double room = Math.min(dayRoom(), hourRoom(now));
        if (room < 1) {
            // Abandons are whole: with room for less than one, any abandon breaks the limit. The cap is
            // asked again every pacing round, so even a small chance allowed per round added up over the
            // rest of the hour (a 10-agent hour took its fourth abandon in 125 answers).
            return 0;
        }
        // Abandons come by chance around their expectation: a standard deviation and a half above it must fit too.
        if (room != lastRoom) {
            lastRoom = room;
            lastAbandonsLeft = abandonsWithin(room, 1.5);
        }
        return lastAbandonsLeft;
    }

    private double dayRoom() {
        return maxAbandonRate * campaignAnswered - campaignAbandoned;
    }

    private double hourRoom(Instant now) {
        rollHourTo(now);
        // Only the answers the hour has had earn room: a forecast of the rest of the hour was spent early
        // by a session that then ended at the half hour (3.1 % over its last 30 minutes).
        return maxAbandonRate * Math.max(hourAnswered, COUNTED_HOUR_ANSWERS) - hourAbandoned;
    }

    /**
     * The whole abandons a burst of answers among the lines in flight may bring now without breaking
     * the limit, and the chance a pacing round may take that it brings more ({@link BurstRoom}).
     *
     * <p>The room is the day's, or the clock hour's where that is smaller and the hour is expected to
     * count (the hour's answers are what {@link #restOfHourRate} counts it from). The chance spreads
     * {@link #BURST_RISK} over the rounds of one horizon each until the answers to come earn the room
     * another whole abandon: with three abandons to give in an hour of 130 answers, that is most of the
     * hour, so each round may take little; with 2,000 answers an hour, a minute or two. It is not cut
     * at the end of the clock hour: an hour's last minutes are when its room is least, and with a chance
     * grown there to the whole risk, a 10-agent hour took its fourth abandon in its last two minutes.
     */
    BurstRoom burstRoom(Instant now, Duration horizon) {
        double day = dayRoom();
        double hour = hourRoom(now);
        boolean byHour = hour < day && hourAnswered + restOfHourAnswers(now) >= HOUR_COUNTS_FROM;
        double room = byHour ? hour : day;
        int whole = (int) Math.max(0, Math.floor(room + 1e-9));
        // The answers after which the room holds one more whole abandon.
        double earning = byHour ? (whole + 1 + hourAbandoned) / maxAbandonRate - hourAnswered
                : (whole + 1 + campaignAbandoned) / maxAbandonRate - campaignAnswered;
        decayTo(now);
        double answersPerSecond = answersPerHour() / 3600;
        double rounds = answersPerSecond <= 0 ? Double.MAX_VALUE
                : earning / answersPerSecond / Math.max(1, horizon.toMillis() / 1000.0);
        return new BurstRoom(whole, BURST_RISK / Math.max(1, rounds));
    }

    /**
     * What a burst of answers may cost now.
     *
     * @param wholeAbandons the abandons the day and the hour can still take and keep the limit
     * @param chance        the most a pacing round may risk that the lines in flight bring more
     * @param answerRate    the least answer rate the tail is counted at
     * @param freeingShare  the share of the agents foreseen free the tail counts on
     */
    record BurstRoom(int wholeAbandons, double chance, double answerRate, double freeingShare) {

        BurstRoom(int wholeAbandons, double chance) {
            this(wholeAbandons, chance, 0, 1);
        }

        /** The same room, its tail counted at an answer rate of at least {@code rate}. */
        BurstRoom atRate(double rate) {
            return new BurstRoom(wholeAbandons, chance, rate, freeingShare);
        }

        /** The same room, its tail counting only this share of the agents foreseen free ({@link ForeseenFreeings}). */
        BurstRoom freeingAsRealised(double share) {
            return new BurstRoom(wholeAbandons, chance, answerRate, share);
        }
    }

    /**
     * The largest expected count e of chance events (Poisson) that stays within {@code room} but
     * for a chance of about that of a normal variable above {@code deviations} standard deviations.
     * Abandons are whole: with room for 0.9 more, one more breaks the limit, so e must make even one
     * unlikely; the normal approximation (e + deviations·√e ≤ room) let a 10-agent hour of 130
     * answers take its fourth abandon. Exact for small rooms, normal from {@link #POISSON_UP_TO}.
     */
    /**
     * {@link #expectedWithin} for abandons, which come in bursts: a moment when several agents stay busy
     * longer than their talk times promised abandons the calls answered in it together (bursts of 3 to 6
     * in two minutes, in an hour of 15, on a 100-agent day at 1 %). Counted as chance events of
     * {@link #ABANDONS_PER_BURST} each, the room keeps a burst's worth more: counted one by one, one
     * clock hour in ten on such days ended over the limit.
     */
    static double abandonsWithin(double room, double deviations) {
        return expectedWithin(room / ABANDONS_PER_BURST, deviations) * ABANDONS_PER_BURST;
    }

    static double expectedWithin(double room, double deviations) {
        if (room <= 0) {
            return 0;
        }
        if (room >= POISSON_UP_TO) {
            double root = (-deviations + Math.sqrt(deviations * deviations + 4 * room)) / 2;
            return root * root;
        }
        int allowed = (int) Math.floor(room);
        double tail = 1 - OverflowModel.cumulative(deviations);
        double low = 0;
        double high = Math.max(room, 1);
        for (int i = 0; i < 40; i++) {
            double mid = (low + high) / 2;
            if (poissonAbove(mid, allowed) <= tail) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** P(X > k) for X Poisson with mean {@code mean}. */
    private static double poissonAbove(double mean, int k) {
        double term = Math.exp(-mean);
        double atMost = term;
        for (int i = 1; i <= k; i++) {
            term *= mean / i;
            atMost += term;
        }
        return Math.max(0, 1 - atMost);
    }

    private void rollHourTo(Instant now) {
        long current = clockHours.hourOf(now);
        if (current > hour) {
            previousHourAbandoned = hourAbandoned;
            hour = current;
            hourAnswered = 0;
            hourAbandoned = 0;
        }
    }

    /**
     * From {@code now} on the limit is held in {@code hours}: the business's time zone changed while the
     * campaign runs. Where the hour in progress begins at the same instant in both zones (offsets a whole
     * number of hours apart, the usual case) its counts go on. Where it does not (a shift by half an hour),
     * the new zone's hour starts from every abandon that may fall in it (this hour's so far, and the hour's
     * before if it began earlier) and from none of its answers: answers carried over could give it room
     * it has not earned, abandons carried over only take room away.
     */
    void hoursIn(ClockHours hours, Instant now) {
        rollHourTo(now);
        clockHours = hours;
        long current = hours.hourOf(now);
        if (current == hour) {
            return;
        }
        if (current < hour) {
            hourAbandoned += previousHourAbandoned;
        }
        previousHourAbandoned = 0;
        hour = current;
        hourAnswered = 0;
    }

    /**
     * {@link #abandonsLeft} in the overflow model's units: the model counts customers without an agent
     * at the horizon, and where the gain is below one each of those has cost 1 ÷ gain abandons
     * (the gain settles where the model's share times it is the realised rate). Where the gain is
     * above one the model overstates, and its count is kept, on the safe side.
     */
    double overflowLeft(Instant now) {
        return abandonsLeft(now) * Math.min(1, gain);
    }

    /** The share of the coming answers that may go without an agent. */
    double targetShare(Instant now) {
        long answered = campaignAnswered;
        long abandoned = campaignAbandoned;
        double spent = abandoned / (maxAbandonRate * (answered + STARTING_ANSWERS));
        double campaign = Math.clamp(1.5 - spent, 0.05, 1.0);
        decayTo(now);
        double recentRate = recentAbandoned / (recentAnswered + RECENT_PRIOR);
        double aim = aim();
        double hour = Math.clamp(1.5 + STEADY_HOUR_SLACK * steadiness - recentRate / aim, 0.05, 1.0);
        return hourAim(now) * gain * Math.min(campaign, hour);
    }


    /**
     * The aim, held to the clock hour's own budget: the rate the rest of the hour may run at and
     * still end at the limit. An hour that overspent early pays back before it ends rather than carrying it.
     */
    private double hourAim(Instant now) {
        double aim = aim();
        return aim * Math.clamp(restOfHourRate(now) / aim, 0.05, 1.0);
    }

    /**
     * The abandon rate the answers still to come in this clock hour may run at so that, one standard
     * deviation of their abandons above it, the hour still ends at the limit: with r the rate and n
     * the answers to come, r·n + √(r·n) = what the hour has left; the aim itself while the hour is
     * too quiet to count. Early in an hour of many answers this is near the limit; an hour that
     * overspent early pays back before it ends rather than carrying it.
     */
    private double restOfHourRate(Instant now) {
        rollHourTo(now);
        double rest = restOfHourAnswers(now);
        double whole = hourAnswered + rest;
        if (whole < HOUR_COUNTS_FROM || rest < 1) {
            return Double.MAX_VALUE;
        }
        double rate = rateOver(rest);
        // Where the window closes within the hour, fewer answers are left to pay an overspent hour back: counted
        // to the hour's end, the last minutes of a 90-minute day ran as if the hour had twice its answers (183
        // abandons of 3,658, 5.003 % of 5 %). Only ever tighter: the hour still counts, and its guard still holds,
        // as if it went on (a 13-agent half hour whose guard went to the day's took a rise to 11 abandons at 1 %).
        double beforeClose = restOfHourAnswersBeforeClose(now, rest);
        return beforeClose < rest && beforeClose >= 1 ? Math.min(rate, rateOver(beforeClose)) : rate;
    }

    /** The rate {@code rest} answers to come may run at and end the hour at the limit, its deviations above it. */
    private double rateOver(double rest) {
        double whole = hourAnswered + rest;
        return abandonsWithin(Math.max(0, maxAbandonRate * whole - hourAbandoned), HOUR_DEVIATIONS) / rest;
    }

    /** The answers expected in the rest of the clock hour, at the recent pace. */
    private double restOfHourAnswers(Instant now) {
        decayTo(now);
        return clockHours.restOfHour(now) * answersPerHour();
    }

    /**
     * Of the {@code rest} answers expected in the rest of the clock hour, those before the campaign's window
     * closes, at the same pace: a session ending at the half hour has half an hour's answers to come.
     */
    private double restOfHourAnswersBeforeClose(Instant now, double rest) {
        Instant closes = windowClosesAfter(now);
        if (closes == Instant.MAX) {
            return rest;
        }
        return Math.min(rest, answersPerHour() * Millis.between(now, closes) / HOUR_MILLIS);
    }

    /** The recent pace of answers, per hour (as decayed to the last instant asked). */
    private double answersPerHour() {
        return recentAnswered * HOUR_PER_RECENT_WEIGHT;
    }

    /** The campaign dials within {@code window}: an overspent hour pays back with the answers before it closes. */
    void dialingWindow(CallingWindow window) {
        this.window = window;
        closeKnownUntil = Instant.MIN;
    }

    /**
     * Where the window closes after {@code now} ({@link Instant#MAX}: not in sight). Kept until that close, or
     * for a minute when none is in sight, so it is worked out about once a minute rather than at every round.
     */
    private Instant windowClosesAfter(Instant now) {
        if (window == null) {
            return Instant.MAX;
        }
        if (now.isBefore(closeKnownFrom) || !now.isBefore(closeKnownUntil)) {
            closesAt = window.dialingUntil(now).orElse(Instant.MAX);
            closeKnownFrom = now;
            closeKnownUntil = closesAt == Instant.MAX ? now.plus(CLOSE_LOOKED_FOR_AGAIN) : closesAt;
        }
        return closesAt;
    }

    private void decayTo(Instant now) {
        if (recentAt != null && now.isAfter(recentAt)) {
            double factor = Math.pow(0.5, Millis.between(recentAt, now) / (double) RECENT_HALF_LIFE.toMillis());
            recentAnswered *= factor;
            recentAbandoned *= factor;
        }
        if (recentAt == null || now.isAfter(recentAt)) {
            recentAt = now;
        }
    }
}
