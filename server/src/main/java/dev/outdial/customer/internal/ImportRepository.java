package dev.outdial.customer.internal;

import dev.outdial.customer.AddReport;
import dev.outdial.customer.ImportJob;
import dev.outdial.shared.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code customer_import} jobs and their rejected rows. */
@Repository
public class ImportRepository {

    private final JdbcClient db;
    private final JdbcTemplate jdbc;

    ImportRepository(JdbcClient db, JdbcTemplate jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    public long create(long businessId, long campaignId, ImportJob.Source source, String fileName, Long userId,
                       Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into customer_import (business_id, campaign_id, source, file_name, status, created_by, created_at)
                values (:business, :campaign, :source, :fileName, 'RUNNING', :user, :now)
                """)
                .param("business", businessId).param("campaign", campaignId).param("source", source.name())
                .param("fileName", fileName).param("user", userId).param("now", SqlTime.toSql(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void progress(long id, int rowsRead) {
        db.sql("update customer_import set total = :total where id = :id and status = 'RUNNING'")
                .param("total", rowsRead).param("id", id).update();
    }

    public void finish(long id, AddReport report, Instant now) {
        db.sql("""
                update customer_import set status = 'DONE', total = :total, added = :added, duplicates = :duplicates,
                    rejected = :rejected, finished_at = :now
                where id = :id
                """)
                .param("total", report.total()).param("added", report.added()).param("duplicates", report.duplicates())
                .param("rejected", report.rejectedCount()).param("now", SqlTime.toSql(now)).param("id", id).update();
    }

    /** The import added nothing: its customers were rolled back with its transaction. */
    public void fail(long id, String failure, Instant now) {
        db.sql("""
                update customer_import set status = 'FAILED', added = 0, duplicates = 0, failure = :failure,
                    finished_at = :now
                where id = :id
                """)
                .param("failure", failure.length() > 1000 ? failure.substring(0, 1000) : failure)
                .param("now", SqlTime.toSql(now)).param("id", id).update();
    }

    /** Imports cut off by a restart: their transaction never committed, so they added nothing. */
    public int failInterrupted(String failure, Instant now) {
        return db.sql("update customer_import set status = 'FAILED', added = 0, failure = :failure, finished_at = :now where status = 'RUNNING'")
                .param("failure", failure).param("now", SqlTime.toSql(now)).update();
    }

    public void reject(long id, List<AddReport.Rejection> rejections) {
        jdbc.batchUpdate("insert into customer_import_rejection (import_id, row_number, reason) values (?, ?, ?)",
                rejections, rejections.size(), (statement, rejection) -> {
                    statement.setLong(1, id);
                    statement.setInt(2, rejection.row());
                    statement.setString(3, rejection.reason().length() > 500 ? rejection.reason().substring(0, 500)
                            : rejection.reason());
                });
    }

    public Optional<ImportJob> find(long businessId, long id) {
        return db.sql("""
                select id, campaign_id, source, file_name, status, total, added, duplicates, rejected, failure,
                       created_at, finished_at
                from customer_import where business_id = :business and id = :id
                """)
                .param("business", businessId).param("id", id)
                .query((row, n) -> new ImportJob(row.getLong("id"), row.getLong("campaign_id"),
                        ImportJob.Source.valueOf(row.getString("source")), row.getString("file_name"),
                        ImportJob.Status.valueOf(row.getString("status")), row.getInt("total"), row.getInt("added"),
                        row.getInt("duplicates"), row.getInt("rejected"), rejections(id), row.getString("failure"),
                        SqlTime.instant(row, "created_at"), SqlTime.instant(row, "finished_at")))
                .optional();
    }

    private List<AddReport.Rejection> rejections(long id) {
        return db.sql("""
                select row_number, reason from customer_import_rejection where import_id = :id
                order by row_number fetch first 1000 rows only
                """)
                .param("id", id)
                .query((row, n) -> new AddReport.Rejection(row.getInt("row_number"), row.getString("reason"))).list();
    }
}
