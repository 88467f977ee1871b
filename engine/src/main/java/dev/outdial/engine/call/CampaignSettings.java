package dev.outdial.engine.call;

import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.rules.CallingWindow;
import dev.outdial.engine.rules.DailyQuota;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the engine needs of a running campaign (SPEC §4.1), as the server reads it from the
 * campaign's settings; settings that do not apply to the dial type are ignored here because the
 * server has already refused them.
 *
 * @param hotlines           caller IDs to dial from, used in turn; none (every one disabled): nothing is dialed
 * @param noAnswerTimeout    how long a customer's phone rings before the call is NOANSWER
 * @param agentAnswerTimeout how long an agent's leg rings before the call is AGENT_TIMEOUT ("default 30 s")
 * @param wrapUp             "after each system-distributed call the agent has the campaign's wrap-up time"
 * @param previewTime        preview: how long the customer is shown before the system dials
 * @param maxConcurrentCalls the campaign's own ceiling on calls, below the business's limit
 * @param lease              how long a claim lasts unless renewed: how soon a crashed node's customers come back
 * @param predictive         predictive campaigns only: their abandon limit, maximum wait and waiting music
 * @param autocall           autocall only: the IVR, the hotline rotation and its failure skipping
 * @param answeringMachines  whether the customer's answer is listened to, to tell answering machines apart, and what
 *                           is left on one (progressive, predictive and autocall campaigns that ask for it)
 * @param recordsCalls       whether the calls customers answer are recorded (where the telephony can record)
 */
public record CampaignSettings(
        long campaignId,
        long businessId,
        CampaignRules rules,
        CallingWindow window,
        List<String> hotlines,
        Duration noAnswerTimeout,
        Duration agentAnswerTimeout,
        Duration wrapUp,
        Duration previewTime,
        DailyQuota dailyQuota,
        OptionalInt maxConcurrentCalls,
        Duration lease,
        Optional<Predictive> predictive,
        Optional<AutocallSettings> autocall,
        AnsweringMachines answeringMachines,
        boolean recordsCalls) {

    /**
     * What only a predictive campaign has (SPEC §4.1): "maximum allowable abandon rate, 0 < r ≤ 0.10",
     * "maximum customer wait for an agent, then hang up (abandoned)", and the waiting music played to
     * an answered customer while they wait, if the campaign names one.
     */
    public record Predictive(double maxAbandonRate, Duration maxWait, Optional<Telephony.Prompt> waitingMusic) {

        public Predictive {
            requirePositive(maxWait, "maxWait");
            Objects.requireNonNull(waitingMusic, "waitingMusic");
        }
    }

    /** A campaign of a dial type with no settings of its own (neither predictive nor autocall). */
    public CampaignSettings(long campaignId, long businessId, CampaignRules rules, CallingWindow window,
                            List<String> hotlines, Duration noAnswerTimeout, Duration agentAnswerTimeout, Duration wrapUp,
                            Duration previewTime, DailyQuota dailyQuota, OptionalInt maxConcurrentCalls, Duration lease) {
        this(campaignId, businessId, rules, window, hotlines, noAnswerTimeout, agentAnswerTimeout, wrapUp, previewTime,
                dailyQuota, maxConcurrentCalls, lease, Optional.empty(), Optional.empty(),
                AnsweringMachines.NOT_TOLD, false);
    }

    public static final Duration DEFAULT_AGENT_ANSWER_TIMEOUT = Duration.ofSeconds(30);

    public CampaignSettings {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(window, "window");
        hotlines = List.copyOf(hotlines);
        requirePositive(noAnswerTimeout, "noAnswerTimeout");
        requirePositive(agentAnswerTimeout, "agentAnswerTimeout");
        requireNotNegative(wrapUp, "wrapUp");
        requireNotNegative(previewTime, "previewTime");
        Objects.requireNonNull(dailyQuota, "dailyQuota");
        Objects.requireNonNull(maxConcurrentCalls, "maxConcurrentCalls");
        requirePositive(lease, "lease");
        Objects.requireNonNull(predictive, "predictive");
        Objects.requireNonNull(autocall, "autocall");
        Objects.requireNonNull(answeringMachines, "answeringMachines");
    }

    /**
     * The business's time zone: its working hours are in it ("in the business time zone", SPEC §2),
     * and so are the clock hours a predictive campaign's abandon limit is held in.
     */
    public ZoneId zone() {
        return window.workingHours().zone();
    }

    /**
     * The same campaign dialing in {@code window}: its working hours or their zone changed while it
     * runs. The agents' daily quotas count the days of the window's zone, the business's.
     */
    public CampaignSettings withWindow(CallingWindow window) {
        return new CampaignSettings(campaignId, businessId, rules, window, hotlines, noAnswerTimeout, agentAnswerTimeout,
                wrapUp, previewTime, dailyQuota.inZone(window.workingHours().zone()), maxConcurrentCalls, lease,
                predictive, autocall, answeringMachines, recordsCalls);
    }

    /** The same campaign dialing from {@code hotlines}: they were edited while it runs. */
    public CampaignSettings withHotlines(List<String> hotlines) {
        return new CampaignSettings(campaignId, businessId, rules, window, hotlines, noAnswerTimeout, agentAnswerTimeout,
                wrapUp, previewTime, dailyQuota, maxConcurrentCalls, lease, predictive, autocall, answeringMachines,
                recordsCalls);
    }

    /** The same campaign as a predictive campaign with {@code settings}. */
    public CampaignSettings withPredictive(Predictive settings) {
        return new CampaignSettings(campaignId, businessId, rules, window, hotlines, noAnswerTimeout, agentAnswerTimeout,
                wrapUp, previewTime, dailyQuota, maxConcurrentCalls, lease, Optional.of(settings), autocall,
                answeringMachines, recordsCalls);
    }

    /** The same campaign as an autocall campaign running {@code settings}. */
    public CampaignSettings withAutocall(AutocallSettings settings) {
        return new CampaignSettings(campaignId, businessId, rules, window, hotlines, noAnswerTimeout, agentAnswerTimeout,
                wrapUp, previewTime, dailyQuota, maxConcurrentCalls, lease, predictive, Optional.of(settings),
                answeringMachines, recordsCalls);
    }

    /** The same campaign doing {@code machines} about answering machines. */
    public CampaignSettings withAnsweringMachines(AnsweringMachines machines) {
        return new CampaignSettings(campaignId, businessId, rules, window, hotlines, noAnswerTimeout, agentAnswerTimeout,
                wrapUp, previewTime, dailyQuota, maxConcurrentCalls, lease, predictive, autocall, machines,
                recordsCalls);
    }

    /** The same campaign recording the calls its customers answer, or not. */
    public CampaignSettings withCallsRecorded(boolean recorded) {
        return new CampaignSettings(campaignId, businessId, rules, window, hotlines, noAnswerTimeout, agentAnswerTimeout,
                wrapUp, previewTime, dailyQuota, maxConcurrentCalls, lease, predictive, autocall, answeringMachines,
                recorded);
    }

    private static void requirePositive(Duration duration, String name) {
        requireNotNegative(duration, name);
        if (duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
    }
}
