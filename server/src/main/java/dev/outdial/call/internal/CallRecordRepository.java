package dev.outdial.call.internal;

import dev.outdial.call.CallView;
import dev.outdial.call.DispositionNames;
import dev.outdial.call.ExportedCall;
import dev.outdial.call.LineFence;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.port.CallDisposition;
import dev.outdial.engine.port.CallEnd;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallLog;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.LineRequest;
import dev.outdial.engine.rules.DialVerdict;
import dev.outdial.shared.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's {@link CallLog} over {@code call_record} and {@code dial_refusal}, and the reads the
 * call API makes. A call is open from its first save until it is saved ended, on every node: the
 * count of open rows is what the business's contract limit is checked against.
 *
 * <p>A call is recorded by one insert, when its line is opened, and only updated after: an id
 * already taken is an error, never another call's record overwritten. Opening a line is fenced by
 * the business's pacer lease (issue 14, {@link LineFence}): one short transaction checks the lease
 * under its row's lock, counts the business's open calls on every node and inserts the record, so
 * neither a node that lost its lease nor two starts racing can take a line past the contract.
 */
@Repository
public class CallRecordRepository implements CallLog {

    private static final String COLUMNS = """
            id, business_id, campaign_id, customer_id, dialed_number, hotline, agent_id, queued_at, dialing_at,
            ringing_at, answered_at, connected_at, ended_at, result, how_ended, classification_id, disposition,
            callback_at, answers""";
    private static final String ALIASED_COLUMNS = Arrays.stream(COLUMNS.split(","))
            .map(column -> "r." + column.strip()).collect(Collectors.joining(", "));
    /** A call with the names an export or a number's history shows: its customer's, agent's and classification's. */
    private static final String CALLS_WITH_NAMES = "select " + ALIASED_COLUMNS + """
            , cu.name as customer_name, u.name as agent_name, cc.name as classification_name
             from call_record r
             left join campaign_customer cu on cu.id = r.customer_id
             left join app_user u on u.id = r.agent_id
             left join call_classification cc on cc.id = r.classification_id
            """;
    /** What a save after the call's start writes; a record closed already keeps its end, result and who ended it. */
    private static final String UPDATED_COLUMNS = """
            agent_id = :agent, ringing_at = :ringing, answered_at = :answered, connected_at = :connected,
            ended_at = coalesce(ended_at, :ended), result = coalesce(result, :result),
            how_ended = case when ended_at is null then :howEnded else how_ended end,
            classification_id = :classification, disposition = :disposition, callback_at = :callbackAt,
            answers = :answers""";
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() { };

    private final JdbcClient db;
    private final JsonMapper json;
    private final LineFence fence;
    private final TransactionTemplate sharedTransaction;

    CallRecordRepository(JdbcClient db, JsonMapper json, LineFence fence, PlatformTransactionManager transactions) {
        this.db = db;
        this.json = json;
        this.fence = fence;
        this.sharedTransaction = new TransactionTemplate(transactions);
    }

    /** Runs work in one transaction with the call records it writes, joining one already open. */
    @Override
    public <T> T atomically(Supplier<T> work) {
        return sharedTransaction.execute(status -> work.get());
    }

    /**
     * The fenced call start: under the lock of the business's lease row, held by this node at the
     * epoch it dials under, the business's open calls are counted and the call inserted. A taker of
     * the lease waits for this to commit, and a start after the takeover finds another epoch. Joins
     * the transaction of the dial it is part of (the customer marked dialed commits with it).
     */
    @Override
    public LineRequest openLine(CallRecord pending, int contractLimit) {
        long businessId = pending.businessId();
        Optional<LineFence.Lease> lease = fence.lease(businessId);
        if (lease.isEmpty()) {
            return fence.fenced(businessId);
        }
        LineRequest request = sharedTransaction.execute(status -> {
            if (!fence.stillHeld(businessId, lease.get())) {
                return null;
            }
            int open = openCalls(businessId);
            if (open >= contractLimit) {
                return new LineRequest.OverLimit(open);
            }
            Map<String, Object> values = values(pending);
            values.put("node", lease.get().node());
            values.put("epoch", lease.get().epoch());
            db.sql("insert into call_record (" + COLUMNS + """
                    , node, lease_epoch) values (:id, :business, :campaign, :customer, :number, :hotline, :agent, :queued,
                    :dialing, :ringing, :answered, :connected, :ended, :result, :howEnded, :classification,
                    :disposition, :callbackAt, :answers, :node, :epoch)
                    """).params(values).update();
            return new LineRequest.Granted();
        });
        return request == null ? fence.fenced(businessId) : request;
    }

    @Override
    public void cancelLine(CallId pending) {
        db.sql("delete from call_record where id = :id and ended_at is null").param("id", pending.value()).update();
    }

    /**
     * Updates the call's record; a record closed already keeps its end and result (a node paused
     * past its customers' leases finds its calls closed as NETWORK_ERROR by another: they stay so,
     * never open again).
     */
    @Override
    public void save(CallRecord call) {
        int updated = db.sql("update call_record set " + UPDATED_COLUMNS + " where id = :id").params(values(call)).update();
        if (updated != 1) {
            throw new IllegalStateException("call " + call.id().value() + " has no record: it was never opened");
        }
    }

    /**
     * Saves the call as {@link #save} does, and answers whether this save is the one that ended it:
     * an ended call is first written only where its record is still open, so the answer costs no
     * query of its own (a call's end is announced once, even when another node closed it first).
     */
    public boolean saveEnding(CallRecord call) {
        if (call.endedAt().isPresent()
                && db.sql("update call_record set " + UPDATED_COLUMNS + " where id = :id and ended_at is null")
                        .params(values(call)).update() == 1) {
            return true;
        }
        save(call);
        return false;
    }

    @Override
    public void recordRefusal(long campaignId, long customerId, String number, Instant at, DialVerdict.Refused refusal) {
        db.sql("""
                insert into dial_refusal (campaign_id, customer_id, number, refused_at, reason, detail)
                values (:campaign, :customer, :number, :at, :reason, :detail)
                """)
                .param("campaign", campaignId).param("customer", customerId).param("number", number)
                .param("at", SqlTime.toSql(at)).param("reason", refusal.reason().name())
                .param("detail", truncate(refusal.detail(), 500)).update();
    }

    @Override
    public int openCalls(long businessId) {
        return db.sql("select count(*) from call_record where business_id = :business and ended_at is null")
                .param("business", businessId).query(Integer.class).single();
    }

    @Override
    public Optional<CallRecord> openCallOf(long campaignId, long customerId) {
        return db.sql("select " + COLUMNS + """
                 from call_record where campaign_id = :campaign and customer_id = :customer and ended_at is null
                """)
                .param("campaign", campaignId).param("customer", customerId)
                .query(this::record).optional();
    }

    public Optional<CallRecord> find(long businessId, String id) {
        return db.sql("select " + COLUMNS + " from call_record where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).query(this::record).optional();
    }

    /** The business's calls of these names, in no order; a name it has no call of is left out. */
    public List<CallRecord> findAll(long businessId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.sql("select " + COLUMNS + " from call_record where business_id = :business and id in (:ids)")
                .param("business", businessId).param("ids", ids).query(this::record).list();
    }

    /** The campaign's calls, newest first; only those not yet ended when {@code openOnly}; only the agent's when given. */
    public List<CallRecord> ofCampaign(long businessId, long campaignId, boolean openOnly, Long agentId, int limit) {
        return db.sql("select " + COLUMNS + """
                 from call_record
                where business_id = :business and campaign_id = :campaign
                  and (:openOnly = false or ended_at is null)
                  and (cast(:agent as bigint) is null or agent_id = :agent)
                order by dialing_at desc, id desc
                fetch first %d rows only
                """.formatted(limit))
                .param("business", businessId).param("campaign", campaignId).param("openOnly", openOnly)
                .param("agent", agentId).query(this::record).list();
    }

    /**
     * The campaign's calls in the order they were dialed, {@code size} after {@code last} (from the
     * first when null), with the names an export shows: one keyset batch of an export.
     */
    public List<ExportedCall> exportBatch(long businessId, long campaignId, CallView last, int size) {
        return db.sql(CALLS_WITH_NAMES + """
                where r.business_id = :business and r.campaign_id = :campaign
                  and (cast(:afterId as varchar(100)) is null or r.dialing_at > :afterAt
                       or (r.dialing_at = :afterAt and r.id > :afterId))
                order by r.dialing_at, r.id
                fetch first %d rows only
                """.formatted(size))
                .param("business", businessId).param("campaign", campaignId)
                .param("afterAt", last == null ? null : SqlTime.toSql(last.dialingAt()))
                .param("afterId", last == null ? null : last.id())
                .query((row, n) -> new ExportedCall(CallView.of(record(row, n)), row.getString("customer_name"),
                        row.getString("agent_name"), row.getString("classification_name")))
                .list();
    }

    /** The ticket the call created (SPEC §4.4 "…, ticket"). */
    public void attachTicket(String callId, long ticketId) {
        db.sql("update call_record set ticket_id = :ticket where id = :id")
                .param("ticket", ticketId).param("id", callId).update();
    }

    public Optional<Long> ticketOf(long businessId, String callId) {
        return db.sql("select ticket_id from call_record where business_id = :business and id = :id and ticket_id is not null")
                .param("business", businessId).param("id", callId).query(Long.class).optional();
    }

    /**
     * The campaign's calls to one number (E.164), newest first, with the names a history shows; only
     * the agent's when given.
     */
    public List<ExportedCall> toNumber(long businessId, long campaignId, String number, Long agentId, int limit) {
        return db.sql(CALLS_WITH_NAMES + """
                where r.business_id = :business and r.campaign_id = :campaign and r.dialed_number = :number
                  and (cast(:agent as bigint) is null or r.agent_id = :agent)
                order by r.dialing_at desc, r.id desc
                fetch first %d rows only
                """.formatted(limit))
                .param("business", businessId).param("campaign", campaignId).param("number", number)
                .param("agent", agentId)
                .query((row, n) -> new ExportedCall(CallView.of(record(row, n)), row.getString("customer_name"),
                        row.getString("agent_name"), row.getString("classification_name")))
                .list();
    }

    /** Who took the customer's last call in the campaign: the agent who may redial it at once (manual). */
    public Optional<Long> lastAgentOf(long campaignId, long customerId) {
        return db.sql("""
                select agent_id from call_record where campaign_id = :campaign and customer_id = :customer
                order by dialing_at desc, id desc fetch first 1 rows only
                """)
                .param("campaign", campaignId).param("customer", customerId)
                .query((row, n) -> row.getLong("agent_id")).optional();
    }

    /** The campaign's last {@code limit} ended calls, newest first: what its forecast's observed rates are made of. */
    public List<CallRecord> recentlyEnded(long businessId, long campaignId, int limit) {
        return db.sql("select " + COLUMNS + """
                 from call_record
                where business_id = :business and campaign_id = :campaign and ended_at is not null
                order by dialing_at desc limit :limit
                """)
                .param("business", businessId).param("campaign", campaignId).param("limit", limit)
                .query(this::record).list();
    }

    /** The campaigns with calls still open: after a crash, where lapsed leases may have left them. */
    public List<Long> campaignsWithOpenCalls() {
        return db.sql("select distinct campaign_id from call_record where ended_at is null order by campaign_id")
                .query(Long.class).list();
    }

    private Map<String, Object> values(CallRecord call) {
        Optional<CallDisposition> disposition = call.disposition();
        java.util.HashMap<String, Object> values = new java.util.HashMap<>();
        values.put("id", call.id().value());
        values.put("business", call.businessId());
        values.put("campaign", call.campaignId());
        values.put("customer", call.customerId());
        values.put("number", call.dialedNumber());
        values.put("hotline", call.hotline());
        values.put("agent", call.agent().map(agent -> Long.valueOf(agent.value())).orElse(null));
        values.put("queued", SqlTime.toSql(call.queuedAt()));
        values.put("dialing", SqlTime.toSql(call.dialingAt()));
        values.put("ringing", call.ringingAt().map(SqlTime::toSql).orElse(null));
        values.put("answered", call.answeredAt().map(SqlTime::toSql).orElse(null));
        values.put("connected", call.connectedAt().map(SqlTime::toSql).orElse(null));
        values.put("ended", call.endedAt().map(SqlTime::toSql).orElse(null));
        values.put("result", call.result().map(Enum::name).orElse(null));
        values.put("howEnded", call.howEnded().map(Enum::name).orElse(null));
        values.put("classification", disposition.map(word -> Long.valueOf(word.classification())).orElse(null));
        values.put("disposition", disposition.map(word -> DispositionNames.nameOf(word.next())).orElse(null));
        values.put("callbackAt", disposition.map(CallDisposition::next)
                .filter(CustomerInput.CallbackAt.class::isInstance).map(CustomerInput.CallbackAt.class::cast)
                .map(callback -> SqlTime.toSql(callback.appointment())).orElse(null));
        values.put("answers", disposition.map(word -> json.writeValueAsString(word.answers())).orElse(null));
        return values;
    }

    private CallRecord record(ResultSet row, int n) throws SQLException {
        long agentId = row.getLong("agent_id");
        Optional<AgentId> agent = row.wasNull() ? Optional.empty() : Optional.of(AgentId.of(String.valueOf(agentId)));
        String result = row.getString("result");
        String howEnded = row.getString("how_ended");
        return new CallRecord(new CallId(row.getString("id")), row.getLong("business_id"), row.getLong("campaign_id"),
                row.getLong("customer_id"), row.getString("dialed_number"), row.getString("hotline"), agent,
                SqlTime.instant(row, "queued_at"), SqlTime.instant(row, "dialing_at"), time(row, "ringing_at"),
                time(row, "answered_at"), time(row, "connected_at"), time(row, "ended_at"),
                Optional.ofNullable(result).map(CallResult::valueOf),
                Optional.ofNullable(howEnded).map(CallEnd::valueOf), disposition(row, agent));
    }

    private Optional<CallDisposition> disposition(ResultSet row, Optional<AgentId> agent) throws SQLException {
        String name = row.getString("disposition");
        if (name == null) {
            return Optional.empty();
        }
        Optional<Instant> callbackAt = time(row, "callback_at");
        Map<String, String> answers = json.readValue(row.getString("answers"), ANSWERS);
        return Optional.of(new CallDisposition(String.valueOf(row.getLong("classification_id")),
                DispositionNames.of(name, callbackAt, agent), answers));
    }

    private static Optional<Instant> time(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(SqlTime.instant(row, column));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
