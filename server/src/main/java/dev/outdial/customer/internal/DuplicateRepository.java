package dev.outdial.customer.internal;

import dev.outdial.customer.Duplicates;
import dev.outdial.shared.SqlTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Numbers shared by several customers of a campaign, served by the (campaign_id, phone) index. */
@Repository
public class DuplicateRepository {

    private final JdbcClient db;
    private final CustomerStateRepository states;
    private final CustomerCounts counts;

    DuplicateRepository(JdbcClient db, CustomerStateRepository states, CustomerCounts counts) {
        this.db = db;
        this.states = states;
        this.counts = counts;
    }

    public List<String> duplicatedPhones(long campaignId, String afterPhone, int limit) {
        return db.sql("""
                select phone from campaign_customer
                where campaign_id = :campaign and (cast(:after as varchar(20)) is null or phone > :after)
                group by phone having count(*) > 1
                order by phone fetch first %d rows only
                """.formatted(limit))
                .param("campaign", campaignId).param("after", afterPhone).query(String.class).list();
    }

    public Map<String, List<Duplicates.Member>> membersOf(long campaignId, List<String> phones) {
        Map<String, List<Duplicates.Member>> members = new LinkedHashMap<>();
        if (phones.isEmpty()) {
            return members;
        }
        db.sql("""
                select id, phone, name, status, total_attempts, added_at from campaign_customer
                where campaign_id = :campaign and phone in (:phones) order by phone, id
                """)
                .param("campaign", campaignId).param("phones", phones)
                .query(row -> {
                    members.computeIfAbsent(row.getString("phone"), phone -> new ArrayList<>())
                            .add(new Duplicates.Member(row.getLong("id"), row.getString("name"), row.getString("status"),
                                    row.getInt("total_attempts"), SqlTime.instant(row, "added_at")));
                });
        return members;
    }

    public Map<Long, String> phonesOf(long campaignId, Collection<Long> ids) {
        Map<Long, String> phones = new HashMap<>();
        db.sql("select id, phone from campaign_customer where campaign_id = :campaign and id in (:ids)")
                .param("campaign", campaignId).param("ids", ids)
                .query(row -> {
                    phones.put(row.getLong("id"), row.getString("phone"));
                });
        return phones;
    }

    /** Deletes the customers, re-checking in the statement itself that none has been called meanwhile. */
    public void deleteUncalled(long campaignId, List<Long> ids) {
        for (int from = 0; from < ids.size(); from += 1_000) {
            // Locked first, so the rows deleted are exactly those whose counts are taken off.
            Map<Long, CustomerStateRepository.Counted> uncalled = states.lockCounted(campaignId,
                    ids.subList(from, Math.min(ids.size(), from + 1_000)), " and total_attempts = 0 and not on_call");
            if (uncalled.isEmpty()) {
                continue;
            }
            db.sql("delete from campaign_customer where campaign_id = :campaign and id in (:ids)")
                    .param("campaign", campaignId).param("ids", uncalled.keySet()).update();
            uncalled.forEach((id, counted) -> counts.moved(campaignId, id, counted.key(), null));
        }
    }
}
