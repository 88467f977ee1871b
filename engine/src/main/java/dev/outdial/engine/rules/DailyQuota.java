package dev.outdial.engine.rules;

import dev.outdial.engine.customer.AgentId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * "An agent receives at most their quota of customers a day (business time zone); then the
 * campaign gives them no more that day." The quota is the same for all agents or set per agent,
 * and unlimited by default.
 */
public final class DailyQuota {

    /** One day of the business, as the half-open range of instants the store counts over. */
    public record QuotaDay(LocalDate date, Instant start, Instant end) {
    }

    private final ZoneId businessZone;
    private final OptionalInt sameForAll;
    private final Map<AgentId, Integer> perAgent;

    private DailyQuota(ZoneId businessZone, OptionalInt sameForAll, Map<AgentId, Integer> perAgent) {
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
        sameForAll.ifPresent(DailyQuota::requireNotNegative);
        perAgent.values().forEach(DailyQuota::requireNotNegative);
        this.sameForAll = sameForAll;
        this.perAgent = Map.copyOf(perAgent);
    }

    public static DailyQuota unlimited(ZoneId businessZone) {
        return new DailyQuota(businessZone, OptionalInt.empty(), Map.of());
    }

    public static DailyQuota sameForAll(ZoneId businessZone, int customersPerDay) {
        return new DailyQuota(businessZone, OptionalInt.of(customersPerDay), Map.of());
    }

    /** The same rules with {@code agent}'s own quota, which takes precedence over the common one. */
    public DailyQuota withAgentQuota(AgentId agent, int customersPerDay) {
        Map<AgentId, Integer> quotas = new HashMap<>(perAgent);
        quotas.put(agent, customersPerDay);
        return new DailyQuota(businessZone, sameForAll, quotas);
    }

    /** The same quotas counted by the days of {@code zone}: the business moved to another time zone. */
    public DailyQuota inZone(ZoneId zone) {
        return zone.equals(businessZone) ? this : new DailyQuota(zone, sameForAll, perAgent);
    }

    /** Whether any agent has a quota: when none has, a pacing round need not ask agent by agent. */
    public boolean limitsAnyone() {
        return sameForAll.isPresent() || !perAgent.isEmpty();
    }

    /** The agent's quota, empty when unlimited. */
    public OptionalInt quotaOf(AgentId agent) {
        Integer own = perAgent.get(agent);
        return own != null ? OptionalInt.of(own) : sameForAll;
    }

    /** Whether the agent may receive another customer, having received {@code receivedToday} in {@link #dayOf}. */
    public boolean allowsAnother(AgentId agent, int receivedToday) {
        OptionalInt quota = quotaOf(agent);
        return quota.isEmpty() || receivedToday < quota.getAsInt();
    }

    /** The business day {@code now} falls in: what "today" means when the store counts. */
    public QuotaDay dayOf(Instant now) {
        LocalDate date = now.atZone(businessZone).toLocalDate();
        return new QuotaDay(date, date.atStartOfDay(businessZone).toInstant(),
                date.plusDays(1).atStartOfDay(businessZone).toInstant());
    }

    private static void requireNotNegative(int quota) {
        if (quota < 0) {
            throw new IllegalArgumentException("a daily quota must not be negative, was " + quota);
        }
    }
}
