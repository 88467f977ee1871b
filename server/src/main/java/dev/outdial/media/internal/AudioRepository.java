package dev.outdial.media.internal;

import dev.outdial.media.AudioFile;
import dev.outdial.media.AudioFormat;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code audio_file} table (V90); lists never read the bytes. */
@Repository
public class AudioRepository {

    private static final String SELECT = "select id, name, format, size_bytes, duration_millis, created_at from audio_file";

    private final JdbcClient db;

    AudioRepository(JdbcClient db) {
        this.db = db;
    }

    public long insert(long businessId, String name, AudioFormat format, byte[] content, Long durationMillis,
                       Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into audio_file (business_id, name, format, size_bytes, duration_millis, content, created_at)
                values (:business, :name, :format, :size, :duration, :content, :created)
                """)
                .param("business", businessId).param("name", name).param("format", format.name())
                .param("size", content.length).param("duration", durationMillis).param("content", content)
                .param("created", SqlTime.toSql(createdAt))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public Optional<AudioFile> find(long businessId, long id) {
        return db.sql(SELECT + " where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).query(this::file).optional();
    }

    public List<AudioFile> list(long businessId) {
        return db.sql(SELECT + " where business_id = :business order by lower(name), id")
                .param("business", businessId).query(this::file).list();
    }

    public byte[] bytes(long businessId, long id) {
        return db.sql("select content from audio_file where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).query((row, n) -> row.getBytes(1)).single();
    }

    /** Whatever the business: for telephony, which plays only what a business's own campaign or queue names. */
    public Optional<byte[]> bytesForPlaying(long id) {
        return db.sql("select content from audio_file where id = :id")
                .param("id", id).query((row, n) -> row.getBytes(1)).optional();
    }

    public void delete(long businessId, long id) {
        db.sql("delete from audio_file where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    private AudioFile file(ResultSet row, int n) throws SQLException {
        AudioFormat format = AudioFormat.valueOf(row.getString("format"));
        Long duration = row.getObject("duration_millis", Long.class);
        return new AudioFile(row.getLong("id"), row.getString("name"), format, format.contentType(),
                row.getLong("size_bytes"), duration, SqlTime.instant(row, "created_at"));
    }
}
