package dev.outdial.report.internal;

import dev.outdial.report.ClassificationCount;
import dev.outdial.report.ReportPeriod;
import dev.outdial.shared.SqlTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sums reports are made of, straight from {@code call_record} and {@code agent_receipt} over a
 * period: one indexed range scan per query ({@code call_record_business_dialing},
 * {@code agent_receipt_campaign_day}), grouped in the database so a year of calls never reaches the JVM.
 * Every query filters by the business; agents are joined to the business's users.
 */
@Repository
public class ReportRepository {

    /** How calls are grouped: per campaign, per agent, or not at all (the total). */
    public enum Grouping {
        CAMPAIGN("r.campaign_id", ""),
        AGENT("r.agent_id", " join app_user u on u.id = r.agent_id and u.business_id = r.business_id"),
        ALL("0", ""),
        ALL_AGENTS("0", " join app_user u on u.id = r.agent_id and u.business_id = r.business_id");

        private final String key;
        private final String join;

        Grouping(String key, String join) {
            this.key = key;
            this.join = join;
        }
    }

    /** The sums of one group's calls. */
    public record Sums(long key, long calls, long contacts, long abandoned, long connected, long talkSeconds,
                       long activeHours) {
    }

    /** Calls of one group given one classification. */
    public record Classified(long key, ClassificationCount count) {
    }

    /** Customers an agent received from one campaign, and on how many days. */
    public record Received(long agentId, long campaignId, long customers, long days) {
    }

    private static final String WHERE = """
             where r.business_id = :business and r.dialing_at >= :start and r.dialing_at < :end
               and (cast(:campaign as bigint) is null or r.campaign_id = :campaign)
            """;

    private final JdbcClient db;

    ReportRepository(JdbcClient db) {
        this.db = db;
    }

    /**
     * Calls, contacts (SUCCESS), abandoned, connected calls and their talk seconds, and the hours in
     * which any call was dialed (hours since the epoch, so that dials per hour leaves out the hours
     * nobody dialed: nights, weekends).
     */
    public List<Sums> sums(long businessId, ReportPeriod period, Long campaignId, Grouping grouping) {
        String sql = """
                select %1$s as group_key,
                       count(*) as calls,
                       coalesce(sum(case when r.result = 'SUCCESS' then 1 else 0 end), 0) as contacts,
                       coalesce(sum(case when r.result = 'ABANDONED' then 1 else 0 end), 0) as abandoned,
                       coalesce(sum(case when r.connected_at is not null and r.ended_at is not null then 1 else 0 end), 0)
                           as connected,
                       coalesce(sum(case when r.connected_at is not null and r.ended_at is not null
                           then extract(epoch from r.ended_at) - extract(epoch from r.connected_at) else 0 end), 0)
                           as talk_seconds,
                       count(distinct floor(extract(epoch from r.dialing_at) / 3600)) as active_hours
                  from call_record r%2$s
                """.formatted(grouping.key, grouping.join) + WHERE
                + (grouping == Grouping.AGENT ? " and r.agent_id is not null group by r.agent_id"
                : grouping == Grouping.CAMPAIGN ? " group by r.campaign_id" : "");
        return db.sql(sql)
                .param("business", businessId).param("start", SqlTime.toSql(period.start()))
                .param("end", SqlTime.toSql(period.end())).param("campaign", campaignId)
                .query((row, n) -> new Sums(row.getLong("group_key"), row.getLong("calls"), row.getLong("contacts"),
                        row.getLong("abandoned"), row.getLong("connected"), Math.round(row.getDouble("talk_seconds")),
                        row.getLong("active_hours")))
                .list().stream().filter(sums -> sums.calls() > 0).toList();
    }

    /** Calls per classification the agents gave, per group, in the business's order of classifications. */
    public List<Classified> classifications(long businessId, ReportPeriod period, Long campaignId, Grouping grouping) {
        String sql = """
                select %1$s as group_key, c.id, c.name, count(*) as calls
                  from call_record r%2$s
                  join call_classification c on c.id = r.classification_id and c.business_id = r.business_id
                """.formatted(grouping.key, grouping.join) + WHERE
                + " group by " + (grouping.key.equals("0") ? "" : grouping.key + ", ")
                + "c.id, c.name, c.sort_order order by group_key, c.sort_order, c.id";
        return db.sql(sql)
                .param("business", businessId).param("start", SqlTime.toSql(period.start()))
                .param("end", SqlTime.toSql(period.end())).param("campaign", campaignId)
                .query((row, n) -> new Classified(row.getLong("group_key"),
                        new ClassificationCount(row.getLong("id"), row.getString("name"), row.getLong("calls"))))
                .list();
    }

    /** Customers each of the business's agents received per campaign, and the business days they came on. */
    public List<Received> received(long businessId, ReportPeriod period, Long campaignId) {
        return db.sql("""
                select a.agent_id, a.campaign_id, count(*) as customers,
                       count(distinct floor((extract(epoch from a.received_at) + :offset) / 86400)) as days
                  from agent_receipt a
                  join campaign c on c.id = a.campaign_id
                  join app_user u on u.id = a.agent_id and u.business_id = c.business_id
                 where c.business_id = :business and a.received_at >= :start and a.received_at < :end
                   and (cast(:campaign as bigint) is null or a.campaign_id = :campaign)
                 group by a.agent_id, a.campaign_id
                 order by a.agent_id, a.campaign_id
                """)
                .param("business", businessId).param("start", SqlTime.toSql(period.start()))
                .param("end", SqlTime.toSql(period.end())).param("campaign", campaignId)
                .param("offset", period.offsetSeconds())
                .query((row, n) -> new Received(row.getLong("agent_id"), row.getLong("campaign_id"),
                        row.getLong("customers"), row.getLong("days")))
                .list();
    }

    /** Names of the business's users among {@code ids}, deleted ones included: their calls stay in reports. */
    public Map<Long, String> agentNames(long businessId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        db.sql("select id, name from app_user where business_id = :business and id in (:ids)")
                .param("business", businessId).param("ids", ids)
                .query((row, n) -> names.put(row.getLong("id"), row.getString("name"))).list();
        return names;
    }
}
