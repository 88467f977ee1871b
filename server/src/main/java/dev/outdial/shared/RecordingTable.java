package dev.outdial.shared;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.SqlBinaryValue;

/**
 * A table of call recordings kept with their calls' records: {@code call_recording} (V263) for campaigns' calls,
 * {@code inbound_call_recording} (V266) for queues'. Both have the same columns, each recording under the business
 * and the owner (campaign or queue) its call was made for; what is the same for both is written here once, and each
 * module keeps its own table through one of these. Another business's recordings are never found. A recording written
 * by the SIP adapter is kept in G.711 µ-law ({@link MulawWav}, {@code audio_encoding} MULAW), half its size, and sent
 * as the 16-bit WAV it was; {@code size_bytes} is always the size of the WAV sent.
 */
public final class RecordingTable {

    private final JdbcClient db;
    private final String table;
    private final String calls;
    private final String owner;

    /**
     * @param table the recordings' table
     * @param calls the table of the calls recorded, whose {@code id} the recordings' {@code call_id} references
     * @param owner the column, in both tables, of the campaign or queue a call was made for
     */
    public RecordingTable(JdbcClient db, String table, String calls, String owner) {
        this.db = db;
        this.table = table;
        this.calls = calls;
        this.owner = owner;
    }

    /** Whose call a recording was kept for (the business, the campaign or queue), and its size as sent. */
    public record Kept(long businessId, long ownerId, long sizeBytes) {
    }

    /** What a recording's kept bytes are: the WAV as written, or its header and µ-law samples. */
    private enum Encoding {
        WAV, MULAW
    }

    /**
     * Keeps {@code wav}, streamed from the file, as the recording of the call {@code callId} of this table's calls;
     * empty where there is no such call. The call is looked up first, so a recording of another kind of call is not
     * sent to the database only to be dropped there.
     */
    public Optional<Kept> insert(String callId, Path wav, Duration length, Instant recordedAt) throws IOException {
        long size = Files.size(wav);
        Optional<Kept> call = db.sql("select business_id, " + owner + " from " + calls + " where id = :call")
                .param("call", callId)
                .query((row, n) -> new Kept(row.getLong("business_id"), row.getLong(owner), size)).optional();
        if (call.isPresent()) {
            try (InputStream file = new BufferedInputStream(Files.newInputStream(wav))) {
                byte[] header = file.readNBytes(MulawWav.HEADER);
                Optional<MulawWav.Kept> mulaw = MulawWav.of(header, file, size);
                InputStream content = mulaw.map(MulawWav.Kept::content)
                        .orElseGet(() -> new SequenceInputStream(new ByteArrayInputStream(header), file));
                db.sql("insert into " + table + " (call_id, business_id, " + owner
                                + ", length_millis, size_bytes, content, audio_encoding, recorded_at)"
                                + " values (:call, :business, :owner, :length, :size, :content, :encoding,"
                                + " :recordedAt)")
                        .param("call", callId).param("business", call.get().businessId())
                        .param("owner", call.get().ownerId()).param("length", length.toMillis()).param("size", size)
                        .param("content", new SqlBinaryValue(content, mulaw.map(MulawWav.Kept::size).orElse(size)))
                        .param("encoding", (mulaw.isPresent() ? Encoding.MULAW : Encoding.WAV).name())
                        .param("recordedAt", SqlTime.toSql(recordedAt)).update();
            }
        }
        return call;
    }

    /** The recording's size as sent and how it is kept, where the call has one of the business's. */
    private Optional<Stored> stored(long businessId, String callId) {
        return db.sql("select size_bytes, audio_encoding from " + table
                        + " where business_id = :business and call_id = :call")
                .param("business", businessId).param("call", callId)
                .query((row, n) -> new Stored(row.getLong("size_bytes"),
                        Encoding.valueOf(row.getString("audio_encoding")))).optional();
    }

    private record Stored(long sizeBytes, Encoding encoding) {
    }

    /** {@code length} bytes of the recording from byte {@code start} (0 the first); empty where it is gone. */
    private Optional<byte[]> part(long businessId, String callId, int start, int length) {
        return db.sql("select substring(content from :from for :length) from " + table
                        + " where business_id = :business and call_id = :call")
                .param("from", start + 1).param("length", length).param("business", businessId).param("call", callId)
                .query((row, n) -> row.getBytes(1)).optional();
    }

    /** The recording as a WAV read as it is sent, where the call has one of the business's. */
    public Optional<RecordingAudio> audio(long businessId, String callId) {
        return stored(businessId, callId).map(stored -> {
            RecordingAudio.Parts kept = (start, length) -> part(businessId, callId, start, length);
            return new RecordingAudio(callId, stored.sizeBytes(),
                    stored.encoding() == Encoding.MULAW ? MulawWav.sentFrom(kept) : kept);
        });
    }

    public boolean delete(long businessId, String callId) {
        return db.sql("delete from " + table + " where business_id = :business and call_id = :call")
                .param("business", businessId).param("call", callId).update() == 1;
    }

    public int deleteRecordedBefore(long businessId, long ownerId, Instant before) {
        return db.sql("delete from " + table + " where business_id = :business and " + owner
                        + " = :owner and recorded_at < :before")
                .param("business", businessId).param("owner", ownerId).param("before", SqlTime.toSql(before))
                .update();
    }

    /** Which of {@code callIds} have a recording. */
    public Set<String> recordedAmong(long businessId, List<String> callIds) {
        if (callIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.sql("select call_id from " + table
                        + " where business_id = :business and call_id in (:calls)")
                .param("business", businessId).param("calls", callIds).query(String.class).list());
    }

    /**
     * The owner's recordings the query asks for, newest first, each read by {@code rows} from {@code columns} of the
     * recording {@code r}, its call {@code c} and the call's agent {@code u}; {@code number} is the call's column the
     * query's number is compared with. After {@code query.before()}'s recording where it is one of the owner's (else
     * from the newest).
     */
    public <T> List<T> list(long businessId, long ownerId, RecordingQuery query, String columns, String number,
                            RowMapper<T> rows) {
        StringBuilder sql = new StringBuilder("select " + columns + " from " + table + " r join " + calls
                + " c on c.id = r.call_id left join app_user u on u.id = c.agent_id"
                + " where r.business_id = :business and r." + owner + " = :owner");
        Map<String, Object> params = new HashMap<>(Map.of("business", businessId, "owner", ownerId,
                "limit", query.limit()));
        if (query.agentId() != null) {
            sql.append(" and c.agent_id = :agent");
            params.put("agent", query.agentId());
        }
        if (query.from() != null) {
            sql.append(" and r.recorded_at >= :from");
            params.put("from", SqlTime.toSql(query.from()));
        }
        if (query.until() != null) {
            sql.append(" and r.recorded_at < :until");
            params.put("until", SqlTime.toSql(query.until()));
        }
        if (query.number() != null) {
            sql.append(" and c.").append(number).append(" = :number");
            params.put("number", query.number());
        }
        if (query.before() != null) {
            recordedAt(businessId, ownerId, query.before()).ifPresent(last -> {
                sql.append(" and (r.recorded_at < :lastAt or (r.recorded_at = :lastAt and r.call_id < :last))");
                params.put("lastAt", SqlTime.toSql(last));
                params.put("last", query.before());
            });
        }
        sql.append(" order by r.recorded_at desc, r.call_id desc limit :limit");
        return db.sql(sql.toString()).params(params).query(rows).list();
    }

    private Optional<Instant> recordedAt(long businessId, long ownerId, String callId) {
        return db.sql("select recorded_at from " + table + " where business_id = :business and " + owner
                        + " = :owner and call_id = :call")
                .param("business", businessId).param("owner", ownerId).param("call", callId)
                .query((row, n) -> SqlTime.instant(row, "recorded_at")).optional();
    }
}
