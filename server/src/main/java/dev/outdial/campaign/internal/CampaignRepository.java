package dev.outdial.campaign.internal;

import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.CampaignSetting;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.HotlinePool;
import dev.outdial.campaign.HotlineRotation;
import dev.outdial.campaign.RunningCampaign;
import dev.outdial.engine.customer.DialType;
import dev.outdial.shared.RecordingRetention;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code campaign} table and its children; every statement is scoped by business. */
@Repository
public class CampaignRepository {

    private static final String COLUMNS = """
            id, name, description, dial_mode, status, status_reason, start_time, end_time, working_hours_id,
            max_calls_per_customer, retry_gap_minutes, no_callback_days, wrap_up_seconds, script_id, daily_quota,
            auto_assign_account_manager, ticket_per_call, preview_seconds, max_abandon_rate, waiting_music_id,
            max_wait_seconds, agent_answer_timeout_seconds, max_concurrent_calls, hotline_rotation, hotline_group_id,
            ivr_id, ticket_on_agent_or_voicemail, answering_machine_detection, voicemail_message_id, record_calls,
            recording_retention_days, created_at, updated_at""";

    /** How many campaign ids one query of their children names. */
    static final int IDS_PER_QUERY = 1_000;

    private final JdbcClient db;
    private final CampaignSettingsHistoryRepository history;

    CampaignRepository(JdbcClient db, CampaignSettingsHistoryRepository history) {
        this.db = db;
        this.history = history;
    }

    public long insert(long businessId, CampaignDefinition s, CampaignStatus status, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into campaign (business_id, name, description, dial_mode, status, start_time, end_time,
                    working_hours_id, max_calls_per_customer, retry_gap_minutes, no_callback_days, wrap_up_seconds,
                    script_id, daily_quota, auto_assign_account_manager, ticket_per_call, preview_seconds,
                    max_abandon_rate, waiting_music_id, max_wait_seconds, agent_answer_timeout_seconds,
                    max_concurrent_calls, hotline_rotation, hotline_group_id, ivr_id, ticket_on_agent_or_voicemail,
                    answering_machine_detection, voicemail_message_id, record_calls, recording_retention_days,
                    created_at, updated_at)
                values (:business, :name, :description, :dialMode, :status, :startTime, :endTime,
                    :workingHoursId, :maxCalls, :retryGap, :noCallbackDays, :wrapUp,
                    :scriptId, :dailyQuota, :autoAssign, :ticketPerCall, :preview,
                    :maxAbandonRate, :waitingMusicId, :maxWait, :answerTimeout,
                    :maxConcurrent, :rotation, :hotlineGroupId, :ivrId, :ticketOnAgent,
                    :machineDetection, :voicemailMessageId, :recordCalls, :recordingRetention, :now, :now)
                """)
                .params(settingParams(s))
                .param("business", businessId)
                .param("status", status.name())
                .param("now", SqlTime.toSql(now))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        writeChildren(id, s);
        history.record(businessId, id, s, now);
        return id;
    }

    public void update(long businessId, long id, CampaignDefinition s, CampaignStatus status, Instant now) {
        db.sql("""
                update campaign set name = :name, description = :description, dial_mode = :dialMode, status = :status,
                    status_reason = null, start_time = :startTime, end_time = :endTime,
                    working_hours_id = :workingHoursId, max_calls_per_customer = :maxCalls,
                    retry_gap_minutes = :retryGap, no_callback_days = :noCallbackDays, wrap_up_seconds = :wrapUp,
                    script_id = :scriptId, daily_quota = :dailyQuota, auto_assign_account_manager = :autoAssign,
                    ticket_per_call = :ticketPerCall, preview_seconds = :preview, max_abandon_rate = :maxAbandonRate,
                    waiting_music_id = :waitingMusicId, max_wait_seconds = :maxWait,
                    agent_answer_timeout_seconds = :answerTimeout, max_concurrent_calls = :maxConcurrent,
                    hotline_rotation = :rotation, hotline_group_id = :hotlineGroupId, ivr_id = :ivrId,
                    ticket_on_agent_or_voicemail = :ticketOnAgent, answering_machine_detection = :machineDetection,
                    voicemail_message_id = :voicemailMessageId, record_calls = :recordCalls,
                    recording_retention_days = :recordingRetention, updated_at = :now
                where business_id = :business and id = :id
                """)
                .params(settingParams(s))
                .param("status", status.name())
                .param("now", SqlTime.toSql(now))
                .param("business", businessId)
                .param("id", id)
                .update();
        for (String child : List.of("campaign_hotline", "campaign_agent", "campaign_agent_group",
                "campaign_agent_quota", "campaign_classification_mapping")) {
            db.sql("delete from " + child + " where campaign_id = :id").param("id", id).update();
        }
        writeChildren(id, s);
        history.record(businessId, id, s, now);
    }

    /**
     * Moves the campaign from one status to another only if it is still in the first: two
     * admins, or an admin and the lifecycle clock, racing on the same campaign cannot both win.
     */
    public boolean changeStatus(long businessId, long id, CampaignStatus from, CampaignStatus to, String reason,
                                Instant now) {
        return db.sql("""
                update campaign set status = :to, status_reason = :reason, updated_at = :now
                where business_id = :business and id = :id and status = :from
                """)
                .param("to", to.name()).param("reason", reason).param("now", SqlTime.toSql(now))
                .param("business", businessId).param("id", id).param("from", from.name())
                .update() == 1;
    }

    public List<RecordingRetention> recordingRetention() {
        return db.sql("""
                select business_id, id, recording_retention_days from campaign
                where recording_retention_days is not null
                """)
                .query((row, n) -> new RecordingRetention(row.getLong("business_id"), row.getLong("id"),
                        row.getInt("recording_retention_days")))
                .list();
    }

    public Optional<Campaign> find(long businessId, long id, ZoneId zone) {
        return db.sql("select " + COLUMNS + " from campaign where business_id = :business and id = :id")
                .param("business", businessId).param("id", id)
                .query((row, n) -> campaign(row, zone)).optional()
                .map(campaign -> withChildren(List.of(campaign)).getFirst());
    }

    public List<Campaign> list(long businessId, CampaignFilter filter, ZoneId zone) {
        List<Campaign> campaigns = db.sql("select " + COLUMNS + """
                 from campaign
                 where business_id = :business
                   and (cast(:name as varchar(200)) is null or lower(name) like :name)
                   and (cast(:status as varchar(20)) is null or status = :status)
                   and (cast(:dialMode as varchar(20)) is null or dial_mode = :dialMode)
                 order by created_at desc, id desc
                """)
                .param("business", businessId)
                .param("name", filter.name() == null ? null : "%" + likeEscaped(filter.name().toLowerCase()) + "%")
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("dialMode", filter.dialMode() == null ? null : filter.dialMode().name())
                .query((row, n) -> campaign(row, zone)).list();
        return withChildren(campaigns);
    }

    public record CampaignFilter(String name, CampaignStatus status, DialType dialMode) {
    }

    public boolean nameTaken(long businessId, String name, Long exceptId) {
        return db.sql("""
                select count(*) from campaign
                where business_id = :business and lower(name) = lower(:name) and (cast(:except as bigint) is null or id <> :except)
                """)
                .param("business", businessId).param("name", name).param("except", exceptId)
                .query(Long.class).single() > 0;
    }

    public void delete(long businessId, long id) {
        db.sql("delete from campaign where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).update();
    }

    /** Approved campaigns whose start time is at or before {@code now}. */
    public List<Due> dueToStart(Instant now) {
        return db.sql("select business_id, id from campaign where status = 'APPROVED' and start_time <= :now")
                .param("now", SqlTime.toSql(now))
                .query((row, n) -> new Due(row.getLong("business_id"), row.getLong("id"))).list();
    }

    /** Campaigns in {@code status} whose end time is at or before {@code now}. */
    public List<Due> dueToEnd(CampaignStatus status, Instant now) {
        return db.sql("select business_id, id from campaign where status = :status and end_time <= :now")
                .param("status", status.name()).param("now", SqlTime.toSql(now))
                .query((row, n) -> new Due(row.getLong("business_id"), row.getLong("id"))).list();
    }

    public record Due(long businessId, long campaignId) {
    }

    /** Every RUNNING campaign of the platform, whatever its business. */
    public List<RunningCampaign> running() {
        Map<Long, List<Long>> hotlineIds = new HashMap<>();
        db.sql("""
                select h.campaign_id, h.hotline_id from campaign_hotline h join campaign c on c.id = h.campaign_id
                where c.status = 'RUNNING' order by h.campaign_id, h.position
                """).query((RowCallbackHandler) row -> hotlineIds.computeIfAbsent(row.getLong("campaign_id"),
                        ignored -> new ArrayList<>()).add(row.getLong("hotline_id")));
        return db.sql("""
                select business_id, id, dial_mode, working_hours_id, hotline_rotation, hotline_group_id from campaign
                where status = 'RUNNING' order by business_id, id
                """)
                .query((row, n) -> {
                    String rotation = row.getString("hotline_rotation");
                    HotlinePool hotlines = new HotlinePool(rotation == null ? null : HotlineRotation.valueOf(rotation),
                            hotlineIds.getOrDefault(row.getLong("id"), List.of()), longOrNull(row, "hotline_group_id"));
                    return new RunningCampaign(row.getLong("business_id"), row.getLong("id"),
                            DialType.valueOf(row.getString("dial_mode")), row.getObject("working_hours_id", Long.class),
                            hotlines);
                })
                .list();
    }

    public boolean usesHotline(long businessId, long hotlineId, List<CampaignStatus> statuses) {
        return count("""
                select count(*) from campaign c join campaign_hotline h on h.campaign_id = c.id
                where c.business_id = :business and h.hotline_id = :setting and c.status in (:statuses)
                """, businessId, hotlineId, statuses) > 0;
    }

    public boolean usesClassification(long businessId, long classificationId, List<CampaignStatus> statuses) {
        return count("""
                select count(*) from campaign c join campaign_classification_mapping m on m.campaign_id = c.id
                where c.business_id = :business and m.classification_id = :setting and c.status in (:statuses)
                """, businessId, classificationId, statuses) > 0;
    }

    public boolean usesWorkingHours(long businessId, long workingHoursId, List<CampaignStatus> statuses) {
        return count("""
                select count(*) from campaign c
                where c.business_id = :business and c.working_hours_id = :setting and c.status in (:statuses)
                """, businessId, workingHoursId, statuses) > 0;
    }

    public boolean usesScript(long businessId, long scriptId, List<CampaignStatus> statuses) {
        return count("""
                select count(*) from campaign c
                where c.business_id = :business and c.script_id = :setting and c.status in (:statuses)
                """, businessId, scriptId, statuses) > 0;
    }

    public boolean usesIvr(long businessId, long ivrId, List<CampaignStatus> statuses) {
        return count("""
                select count(*) from campaign c
                where c.business_id = :business and c.ivr_id = :setting and c.status in (:statuses)
                """, businessId, ivrId, statuses) > 0;
    }

    /** Whether a campaign in one of {@code statuses} plays the audio file: as waiting music or voicemail message. */
    public boolean playsAudio(long businessId, long audioId, List<CampaignStatus> statuses) {
        return count("""
                select count(*) from campaign c
                where c.business_id = :business and (c.waiting_music_id = :setting or c.voicemail_message_id = :setting)
                  and c.status in (:statuses)
                """, businessId, audioId, statuses) > 0;
    }

    private long count(String sql, long businessId, long settingId, List<CampaignStatus> statuses) {
        return db.sql(sql).param("business", businessId).param("setting", settingId)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(Long.class).single();
    }

    private void writeChildren(long id, CampaignDefinition s) {
        int position = 0;
        for (Long hotline : s.hotlineIds()) {
            db.sql("insert into campaign_hotline (campaign_id, hotline_id, position) values (:id, :hotline, :position)")
                    .param("id", id).param("hotline", hotline).param("position", position++).update();
        }
        position = 0;
        for (Long agent : s.agentIds()) {
            db.sql("insert into campaign_agent (campaign_id, agent_id, position) values (:id, :agent, :position)")
                    .param("id", id).param("agent", agent).param("position", position++).update();
        }
        position = 0;
        for (Long group : s.agentGroupIds()) {
            db.sql("insert into campaign_agent_group (campaign_id, agent_group_id, position) values (:id, :group, :position)")
                    .param("id", id).param("group", group).param("position", position++).update();
        }
        if (s.agentQuotas() != null) {
            s.agentQuotas().forEach((agent, quota) -> db.sql("""
                            insert into campaign_agent_quota (campaign_id, agent_id, daily_quota) values (:id, :agent, :quota)
                            """)
                    .param("id", id).param("agent", agent).param("quota", quota).update());
        }
        s.classificationMapping().forEach((result, classification) -> db.sql("""
                        insert into campaign_classification_mapping (campaign_id, technical_result, classification_id)
                        values (:id, :result, :classification)
                        """)
                .param("id", id).param("result", result).param("classification", classification).update());
    }

    /**
     * The campaigns with their lists and maps, read for all of them at once: five queries however
     * many campaigns there are (in slices of {@value #IDS_PER_QUERY} ids), not five per campaign.
     */
    private List<Campaign> withChildren(List<Campaign> campaigns) {
        if (campaigns.isEmpty()) {
            return campaigns;
        }
        List<Long> ids = campaigns.stream().map(Campaign::id).toList();
        Map<Long, List<Long>> hotlines = new HashMap<>();
        Map<Long, List<Long>> agents = new HashMap<>();
        Map<Long, List<Long>> groups = new HashMap<>();
        Map<Long, Map<Long, Integer>> quotas = new HashMap<>();
        Map<Long, Map<String, Long>> mappings = new HashMap<>();
        forEachRow("select campaign_id, hotline_id from campaign_hotline where campaign_id in (:ids) order by position",
                ids, row -> listOf(hotlines, row).add(row.getLong("hotline_id")));
        forEachRow("select campaign_id, agent_id from campaign_agent where campaign_id in (:ids) order by position",
                ids, row -> listOf(agents, row).add(row.getLong("agent_id")));
        forEachRow("""
                select campaign_id, agent_group_id from campaign_agent_group where campaign_id in (:ids) order by position
                """, ids, row -> listOf(groups, row).add(row.getLong("agent_group_id")));
        forEachRow("""
                select campaign_id, agent_id, daily_quota from campaign_agent_quota where campaign_id in (:ids)
                order by agent_id
                """, ids, row -> quotas.computeIfAbsent(row.getLong("campaign_id"), id -> new LinkedHashMap<>())
                .put(row.getLong("agent_id"), row.getInt("daily_quota")));
        forEachRow("""
                select campaign_id, technical_result, classification_id from campaign_classification_mapping
                where campaign_id in (:ids) order by technical_result
                """, ids, row -> mappings.computeIfAbsent(row.getLong("campaign_id"), id -> new LinkedHashMap<>())
                .put(row.getString("technical_result"), row.getLong("classification_id")));
        return campaigns.stream().map(campaign -> {
            long id = campaign.id();
            CampaignDefinition s = campaign.settings();
            boolean quotasApply = CampaignSetting.AGENT_QUOTAS.appliesTo(s.dialMode());
            CampaignDefinition complete = s.withChildren(hotlines.getOrDefault(id, new ArrayList<>()),
                    agents.getOrDefault(id, new ArrayList<>()), groups.getOrDefault(id, new ArrayList<>()),
                    quotasApply ? quotas.getOrDefault(id, new LinkedHashMap<>()) : null,
                    mappings.getOrDefault(id, new LinkedHashMap<>()));
            return new Campaign(id, campaign.status(), campaign.statusReason(), complete, campaign.createdAt(),
                    campaign.updatedAt());
        }).toList();
    }

    private static List<Long> listOf(Map<Long, List<Long>> byCampaign, ResultSet row) throws SQLException {
        return byCampaign.computeIfAbsent(row.getLong("campaign_id"), id -> new ArrayList<>());
    }

    /** Runs the query once per slice of ids, so a list of any length stays under the databases' parameter limits. */
    private void forEachRow(String sql, List<Long> ids, RowCallbackHandler handler) {
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            db.sql(sql).param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))).query(handler);
        }
    }

    private static Map<String, Object> settingParams(CampaignDefinition s) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", s.name());
        params.put("description", s.description());
        params.put("dialMode", s.dialMode().name());
        params.put("startTime", SqlTime.toSql(s.startTime().toInstant()));
        params.put("endTime", SqlTime.toSql(s.endTime().toInstant()));
        params.put("workingHoursId", s.workingHoursId());
        params.put("maxCalls", s.maxCallsPerCustomer());
        params.put("retryGap", s.retryGapMinutes());
        params.put("noCallbackDays", s.noCallbackDays());
        params.put("wrapUp", s.wrapUpSeconds());
        params.put("scriptId", s.scriptId());
        params.put("dailyQuota", s.dailyQuota());
        params.put("autoAssign", s.autoAssignAccountManager());
        params.put("ticketPerCall", s.ticketPerCall());
        params.put("preview", s.previewSeconds());
        params.put("maxAbandonRate", s.maxAbandonRate());
        params.put("waitingMusicId", s.waitingMusicId());
        params.put("maxWait", s.maxWaitSeconds());
        params.put("answerTimeout", s.agentAnswerTimeoutSeconds());
        params.put("maxConcurrent", s.maxConcurrentCalls());
        params.put("rotation", s.hotlineRotation() == null ? null : s.hotlineRotation().name());
        params.put("hotlineGroupId", s.hotlineGroupId());
        params.put("ivrId", s.ivrId());
        params.put("ticketOnAgent", s.ticketOnAgentOrVoicemail());
        params.put("machineDetection", s.answeringMachineDetection());
        params.put("voicemailMessageId", s.voicemailMessageId());
        params.put("recordCalls", Boolean.TRUE.equals(s.recordCalls()));
        params.put("recordingRetention", s.recordingRetentionDays());
        return params;
    }

    private static Campaign campaign(ResultSet row, ZoneId zone) throws SQLException {
        String rotation = row.getString("hotline_rotation");
        CampaignDefinition settings = new CampaignDefinition(
                row.getString("name"),
                row.getString("description"),
                DialType.valueOf(row.getString("dial_mode")),
                inZone(SqlTime.instant(row, "start_time"), zone),
                inZone(SqlTime.instant(row, "end_time"), zone),
                List.of(),
                row.getLong("working_hours_id"),
                row.getInt("max_calls_per_customer"),
                row.getInt("retry_gap_minutes"),
                row.getInt("no_callback_days"),
                integer(row, "wrap_up_seconds"),
                longOrNull(row, "script_id"),
                integer(row, "daily_quota"),
                Map.of(),
                List.of(),
                List.of(),
                bool(row, "auto_assign_account_manager"),
                row.getBoolean("ticket_per_call"),
                integer(row, "preview_seconds"),
                row.getObject("max_abandon_rate") == null ? null : row.getBigDecimal("max_abandon_rate").doubleValue(),
                longOrNull(row, "waiting_music_id"),
                integer(row, "max_wait_seconds"),
                integer(row, "agent_answer_timeout_seconds"),
                integer(row, "max_concurrent_calls"),
                rotation == null ? null : HotlineRotation.valueOf(rotation),
                longOrNull(row, "hotline_group_id"),
                longOrNull(row, "ivr_id"),
                bool(row, "ticket_on_agent_or_voicemail"),
                bool(row, "answering_machine_detection"),
                longOrNull(row, "voicemail_message_id"),
                row.getBoolean("record_calls"),
                integer(row, "recording_retention_days"),
                Map.of());
        return new Campaign(row.getLong("id"), CampaignStatus.valueOf(row.getString("status")),
                row.getString("status_reason"), settings, SqlTime.instant(row, "created_at"),
                SqlTime.instant(row, "updated_at"));
    }

    private static OffsetDateTime inZone(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    private static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Boolean bool(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? null : value;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
