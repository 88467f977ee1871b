package dev.outdial.inbound.internal;

import dev.outdial.inbound.QueueRecordingView;
import dev.outdial.shared.RecordingQuery;
import dev.outdial.shared.RecordingTable;
import dev.outdial.shared.SqlTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code inbound_call_recording} table (V266): the recordings of queues' calls; lists never read the audio. */
@Repository
public class InboundCallRecordingRepository {

    private final RecordingTable table;

    InboundCallRecordingRepository(JdbcClient db) {
        this.table = new RecordingTable(db, "inbound_call_recording", "inbound_call", "queue_id");
    }

    /** The table's reads and writes that are the same for every kind of recording. */
    public RecordingTable table() {
        return table;
    }

    /** The queue's recordings the query asks for, newest first; its number is the caller's. */
    public List<QueueRecordingView> ofQueue(long businessId, long queueId, RecordingQuery query) {
        return table.list(businessId, queueId, query, """
                        r.call_id, r.queue_id, c.caller_number, c.agent_id, u.name as agent_name, r.length_millis,
                        r.size_bytes, r.recorded_at""", "caller_number",
                (row, n) -> new QueueRecordingView(row.getString("call_id"), row.getLong("queue_id"),
                        row.getString("caller_number"), row.getObject("agent_id", Long.class),
                        row.getString("agent_name"), row.getLong("length_millis"), row.getLong("size_bytes"),
                        SqlTime.instant(row, "recorded_at")));
    }
}
