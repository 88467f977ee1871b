package dev.outdial.campaign.settings.internal;

import dev.outdial.campaign.settings.WeeklyHours;
import dev.outdial.campaign.settings.WorkingHours;
import dev.outdial.campaign.settings.WorkingHoursVersion;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code working_hours} table; the week and the holidays are JSON text (see V11). */
@Repository
public class WorkingHoursRepository {

    private static final TypeReference<Map<DayOfWeek, List<List<String>>>> WEEK = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> DATES = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final JsonMapper json;

    WorkingHoursRepository(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public long insert(long businessId, String name, WeeklyHours hours, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into working_hours (business_id, name, week, holidays, created_at)
                values (:business, :name, :week, :holidays, :created)
                """)
                .param("business", businessId).param("name", name).param("week", week(hours))
                .param("holidays", holidays(hours)).param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        recordVersion(businessId, id, hours, createdAt);
        return id;
    }

    public void update(long businessId, long id, String name, WeeklyHours hours, Instant now) {
        db.sql("""
                update working_hours set name = :name, week = :week, holidays = :holidays
                where business_id = :business and id = :id
                """)
                .param("name", name).param("week", week(hours)).param("holidays", holidays(hours))
                .param("business", businessId).param("id", id).update();
        recordVersion(businessId, id, hours, now);
    }

    /** Every save is a version: the audit reads the hours a campaign had when it dialed (issue 18). */
    private void recordVersion(long businessId, long id, WeeklyHours hours, Instant at) {
        db.sql("""
                insert into working_hours_history (business_id, working_hours_id, in_force_from, week, holidays)
                values (:business, :id, :at, :week, :holidays)
                """)
                .param("business", businessId).param("id", id).param("at", SqlTime.toSql(at))
                .param("week", week(hours)).param("holidays", holidays(hours)).update();
    }

    /** The schedule's versions, oldest first; kept after the schedule itself is deleted. */
    public List<WorkingHoursVersion> history(long businessId, long id) {
        return db.sql("""
                select in_force_from, week, holidays from working_hours_history
                where business_id = :business and working_hours_id = :id order by in_force_from, id
                """)
                .param("business", businessId).param("id", id)
                .query((row, n) -> new WorkingHoursVersion(SqlTime.instant(row, "in_force_from"), hours(row)))
                .list();
    }

    public Optional<WorkingHours> find(long businessId, long id) {
        return db.sql("select id, name, week, holidays from working_hours where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).query(this::workingHours).optional();
    }

    public List<WorkingHours> list(long businessId) {
        return db.sql("select id, name, week, holidays from working_hours where business_id = :business order by lower(name), id")
                .param("business", businessId).query(this::workingHours).list();
    }

    public boolean nameTaken(long businessId, String name, Long exceptId) {
        return db.sql("""
                select count(*) from working_hours
                where business_id = :business and lower(name) = lower(:name) and (cast(:except as bigint) is null or id <> :except)
                """)
                .param("business", businessId).param("name", name).param("except", exceptId)
                .query(Long.class).single() > 0;
    }

    public void delete(long businessId, long id) {
        db.sql("delete from working_hours where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    private String week(WeeklyHours hours) {
        return json.writeValueAsString(hours.weekAsText());
    }

    private String holidays(WeeklyHours hours) {
        return json.writeValueAsString(hours.holidays().stream().map(LocalDate::toString).toList());
    }

    private WorkingHours workingHours(ResultSet row, int n) throws SQLException {
        return new WorkingHours(row.getLong("id"), row.getString("name"), hours(row));
    }

    private WeeklyHours hours(ResultSet row) throws SQLException {
        return WeeklyHours.of(json.readValue(row.getString("week"), WEEK), json.readValue(row.getString("holidays"), DATES));
    }
}
