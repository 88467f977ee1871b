package dev.outdial.call.internal;

import dev.outdial.call.RecordingView;
import dev.outdial.shared.RecordingQuery;
import dev.outdial.shared.RecordingTable;
import dev.outdial.shared.SqlTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code call_recording} table (V263): the recordings of campaigns' calls; lists never read the audio. */
@Repository
public class CallRecordingRepository {

    private final RecordingTable table;

    CallRecordingRepository(JdbcClient db) {
        this.table = new RecordingTable(db, "call_recording", "call_record", "campaign_id");
    }

    /** The table's reads and writes that are the same for every kind of recording. */
    public RecordingTable table() {
        return table;
    }

    /** The campaign's recordings the query asks for, newest first. */
    public List<RecordingView> ofCampaign(long businessId, long campaignId, RecordingQuery query) {
        return table.list(businessId, campaignId, query, """
                        r.call_id, r.campaign_id, c.customer_id, c.dialed_number, c.agent_id, u.name as agent_name,
                        r.length_millis, r.size_bytes, r.recorded_at""", "dialed_number",
                (row, n) -> new RecordingView(row.getString("call_id"), row.getLong("campaign_id"),
                        row.getLong("customer_id"), row.getString("dialed_number"),
                        row.getObject("agent_id", Long.class), row.getString("agent_name"), row.getLong("length_millis"),
                        row.getLong("size_bytes"), SqlTime.instant(row, "recorded_at")));
    }
}
