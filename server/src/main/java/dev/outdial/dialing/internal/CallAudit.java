package dev.outdial.dialing.internal;

import dev.outdial.dialing.CampaignAuditReport;
import dev.outdial.dialing.CampaignAuditReport.RuleCheck;
import dev.outdial.business.Businesses;
import dev.outdial.call.DispositionNames;
import dev.outdial.campaign.CampaignSettingsHistory;
import dev.outdial.campaign.settings.WorkingHoursSchedules;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.rules.DialVerdict;
import dev.outdial.shared.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a campaign's call records against SPEC §7 after the fact (issue 18): "every dial decision
 * can be audited afterwards from the call records". Reads the records and the lists' history
 * (numbers listed now with when they were listed, numbers removed with both times) and the
 * settings' (the campaign's, its schedules', the business's zone's), never the dialer's memory, so
 * it answers the same on any node, while the campaign runs or long after.
 */
@Component
public class CallAudit {

    /**
     * A call as the audit reads it.
     *
     * @param result      empty while the call is open
     * @param disposition the agent's "what next" on a reached call, if given
     * @param ownDialType the dialing mode the customer carries instead of the campaign's, if any
     */
    record Call(String id, long customerId, String number, Instant dialingAt, Instant endedAt,
                Optional<CallResult> result, Optional<String> disposition, Optional<DialType> ownDialType) {

        /** "A callback appointment starts a new cycle", and so does "do not call back" once it lapses. */
        boolean startsNewCycle() {
            return disposition.filter(next -> next.equals(DispositionNames.CALLBACK)
                    || next.equals(DispositionNames.DO_NOT_CALL_BACK)).isPresent();
        }
    }

    private final JdbcClient db;
    private final EngineCampaigns settings;
    private final CampaignSettingsHistory settingsHistory;
    private final WorkingHoursSchedules workingHours;
    private final Businesses businesses;
    private final Clock clock;

    CallAudit(JdbcClient db, EngineCampaigns settings, CampaignSettingsHistory settingsHistory,
              WorkingHoursSchedules workingHours, Businesses businesses, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.settingsHistory = settingsHistory;
        this.workingHours = workingHours;
        this.businesses = businesses;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CampaignAuditReport audit(long businessId, long campaignId) {
        // First, as it finds the campaign in the business or answers 404: nothing of another business is read.
        SettingsTimeline timeline = new SettingsTimeline(settingsHistory.of(businessId, campaignId),
                id -> workingHours.history(businessId, id), businesses.timeZoneHistory(businessId));
        Instant now = clock.instant();
        List<Call> calls = db.sql("""
                select r.id, r.customer_id, r.dialed_number, r.dialing_at, r.ended_at, r.result, r.disposition,
                    c.dialing_mode
                from call_record r left join campaign_customer c on c.id = r.customer_id and c.campaign_id = r.campaign_id
                where r.business_id = :business and r.campaign_id = :campaign order by r.dialing_at, r.id
                """)
                .param("business", businessId).param("campaign", campaignId)
                .query((row, n) -> new Call(row.getString("id"), row.getLong("customer_id"), row.getString("dialed_number"),
                        SqlTime.instant(row, "dialing_at"), SqlTime.instant(row, "ended_at"),
                        Optional.ofNullable(row.getString("result")).map(CallResult::valueOf),
                        Optional.ofNullable(row.getString("disposition")),
                        Optional.ofNullable(row.getString("dialing_mode")).map(DialType::valueOf)))
                .list();
        List<RuleCheck> rules = new ArrayList<>(List.of(
                customersOnTwoCalls(campaignId, now),
                listedNumbersDialed(businessId, campaignId),
                outsideHours(timeline, calls),
                businessLimitExceeded(businessId),
                callsLeftOpen(campaignId, now)));
        rules.addAll(new RetryRules(timeline).check(calls));
        return new CampaignAuditReport(campaignId, now, calls.size(), rules.stream().mapToInt(RuleCheck::violations).sum(),
                List.copyOf(rules), List.of());
    }

    /** "A customer is never on two calls at once": two calls of one customer whose times overlap. */
    private RuleCheck customersOnTwoCalls(long campaignId, Instant now) {
        List<String> overlaps = db.sql("""
                select a.customer_id, a.id as first_call, b.id as second_call from call_record a
                join call_record b on b.campaign_id = a.campaign_id and b.customer_id = a.customer_id and b.id > a.id
                 and a.dialing_at < coalesce(b.ended_at, :now) and b.dialing_at < coalesce(a.ended_at, :now)
                where a.campaign_id = :campaign
                order by a.dialing_at
                """)
                .param("campaign", campaignId).param("now", SqlTime.toSql(now))
                .query((row, n) -> "customer " + row.getLong("customer_id") + " on calls " + row.getString("first_call")
                        + " and " + row.getString("second_call") + " at once")
                .list();
        return check("CUSTOMER_ON_TWO_CALLS", "no customer on two calls at once", overlaps);
    }

    /** "A number on the blacklist or the DNC list is never dialed": listed before the dial and not removed by then. */
    private RuleCheck listedNumbersDialed(long businessId, long campaignId) {
        List<String> dialed = db.sql("""
                select r.id, r.dialed_number, r.dialing_at, l.kind from call_record r
                join (select business_id, kind, number, created_at as listed_at,
                             cast(null as timestamp with time zone) as removed_at
                        from blocked_number where business_id = :business
                      union all
                      select business_id, kind, number, listed_at, removed_at
                        from blocked_number_removal where business_id = :business) l
                  on l.business_id = r.business_id and l.number = r.dialed_number and l.listed_at <= r.dialing_at
                 and (l.removed_at is null or l.removed_at > r.dialing_at)
                where r.business_id = :business and r.campaign_id = :campaign
                order by r.dialing_at
                """)
                .param("business", businessId).param("campaign", campaignId)
                .query((row, n) -> "call " + row.getString("id") + " dialed " + row.getString("dialed_number") + " at "
                        + SqlTime.instant(row, "dialing_at") + " while on the " + row.getString("kind") + " list")
                .list();
        return check("LISTED_NUMBER_DIALED", "no number dialed while blacklisted or on the DNC list", dialed);
    }

    /**
     * "Nothing is dialed outside working hours, the campaign's window or the called party's local
     * hours", by the window and the schedule in force when each call was placed.
     */
    private RuleCheck outsideHours(SettingsTimeline timeline, List<Call> calls) {
        List<String> outside = new ArrayList<>();
        for (Call call : calls) {
            if (timeline.windowAt(call.dialingAt()).verdict(call.dialingAt(), call.number())
                    instanceof DialVerdict.Refused refused) {
                outside.add("call " + call.id() + " to " + call.number() + " at " + call.dialingAt() + ": "
                        + refused.reason() + " (" + refused.detail() + ")");
            }
        }
        return check("OUTSIDE_HOURS", "nothing dialed outside working hours, the campaign's window or the called party's hours",
                outside);
    }

    /**
     * "The business's contract limit is never exceeded across all campaigns": the most calls of the
     * business open at once, every campaign's and node's, from the records' times, against the
     * contract's limit now.
     */
    private RuleCheck businessLimitExceeded(long businessId) {
        int limit = settings.concurrentCallLimit(businessId);
        record Change(Instant at, int by, String call) {
        }
        List<Change> changes = new ArrayList<>();
        db.sql("select id, dialing_at, ended_at from call_record where business_id = :business")
                .param("business", businessId)
                .query((row, n) -> {
                    String id = row.getString("id");
                    Instant ended = SqlTime.instant(row, "ended_at");
                    changes.add(new Change(SqlTime.instant(row, "dialing_at"), 1, id));
                    // A call still open holds its line from its dial on.
                    changes.add(new Change(ended == null ? Instant.MAX : ended, -1, id));
                    return id;
                }).list();
        // At one instant, a line freed comes before a line taken.
        changes.sort(Comparator.comparing(Change::at).thenComparingInt(Change::by));
        List<String> over = new ArrayList<>();
        int open = 0;
        for (Change change : changes) {
            open += change.by();
            if (change.by() > 0 && open > limit) {
                over.add("call " + change.call() + " at " + change.at() + " made " + open + " calls open, the contract allows "
                        + limit);
            }
        }
        return check("BUSINESS_LIMIT_EXCEEDED", "the business's concurrent-call limit never exceeded", over);
    }

    /**
     * "Every call that was up is closed" after a node died: a call still open whose customer is no
     * longer on a call, or whose claim lapsed (nobody renews it), was left open.
     */
    private RuleCheck callsLeftOpen(long campaignId, Instant now) {
        List<String> open = db.sql("""
                select r.id, r.dialing_at from call_record r
                left join campaign_customer c on c.id = r.customer_id and c.campaign_id = r.campaign_id
                where r.campaign_id = :campaign and r.ended_at is null
                  and (c.id is null or c.on_call = false or c.lease_until is null or c.lease_until < :now)
                order by r.dialing_at
                """)
                .param("campaign", campaignId).param("now", SqlTime.toSql(now))
                .query((row, n) -> "call " + row.getString("id") + " dialed at " + SqlTime.instant(row, "dialing_at")
                        + " is still open, its customer's claim lapsed")
                .list();
        return check("CALL_LEFT_OPEN", "every open call closed once its node is gone", open);
    }

    static RuleCheck check(String rule, String description, List<String> violations) {
        return new RuleCheck(rule, description, violations.size(),
                List.copyOf(violations.subList(0, Math.min(CampaignAuditReport.EXAMPLES, violations.size()))));
    }
}
