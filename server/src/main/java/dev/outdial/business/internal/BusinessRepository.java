package dev.outdial.business.internal;

import dev.outdial.business.Business;
import dev.outdial.business.TimeZoneVersion;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code business} table. */
@Repository
public class BusinessRepository {

    private static final String COLUMNS = "id, name, time_zone, default_country, concurrent_call_limit, created_at";

    private final JdbcClient db;

    BusinessRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(String name, ZoneId zone, String country, int limit, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into business (name, time_zone, default_country, concurrent_call_limit, created_at)
                values (:name, :zone, :country, :limit, :created)
                """)
                .param("name", name).param("zone", zone.getId()).param("country", country)
                .param("limit", limit).param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        recordZone(id, zone, createdAt);
        return id;
    }

    /** Saves the business; a zone other than the one in force is recorded as in force from {@code now}. */
    public void update(long id, String name, ZoneId zone, String country, int limit, Instant now) {
        boolean zoneChanged = find(id).map(business -> !business.timeZone().equals(zone)).orElse(false);
        db.sql("""
                update business set name = :name, time_zone = :zone, default_country = :country,
                       concurrent_call_limit = :limit
                where id = :id
                """)
                .param("name", name).param("zone", zone.getId()).param("country", country)
                .param("limit", limit).param("id", id).update();
        if (zoneChanged) {
            recordZone(id, zone, now);
        }
    }

    /** The zone's versions are what the audit reads the working hours of past calls in (issue 18). */
    private void recordZone(long id, ZoneId zone, Instant at) {
        db.sql("insert into business_time_zone_history (business_id, in_force_from, time_zone) values (:id, :at, :zone)")
                .param("id", id).param("at", SqlTime.toSql(at)).param("zone", zone.getId()).update();
    }

    /** The business's zones, oldest first. */
    public List<TimeZoneVersion> zoneHistory(long id) {
        return db.sql("""
                select in_force_from, time_zone from business_time_zone_history
                where business_id = :id order by in_force_from, id
                """)
                .param("id", id)
                .query((row, n) -> new TimeZoneVersion(SqlTime.instant(row, "in_force_from"),
                        ZoneId.of(row.getString("time_zone"))))
                .list();
    }

    public Optional<Business> find(long id) {
        return db.sql("select " + COLUMNS + " from business where id = :id").param("id", id)
                .query(BusinessRepository::business).optional();
    }

    public Optional<Business> findByName(String name) {
        return db.sql("select " + COLUMNS + " from business where lower(name) = lower(:name)").param("name", name)
                .query(BusinessRepository::business).optional();
    }

    public List<Business> list() {
        return db.sql("select " + COLUMNS + " from business order by lower(name), id")
                .query(BusinessRepository::business).list();
    }

    private static Business business(ResultSet row, int n) throws SQLException {
        return new Business(row.getLong("id"), row.getString("name"), ZoneId.of(row.getString("time_zone")),
                row.getString("default_country"), row.getInt("concurrent_call_limit"), SqlTime.instant(row, "created_at"));
    }
}
