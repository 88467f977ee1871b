package dev.outdial.ticket.internal;

import dev.outdial.shared.ListStart;
import dev.outdial.shared.SqlTime;
import dev.outdial.ticket.Ticket;
import dev.outdial.ticket.TicketChannel;
import dev.outdial.ticket.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code ticket} table (V100). */
@Repository
public class TicketRepository {

    private static final String SELECT = """
            select id, channel, status, customer_name, phone, campaign_id, call_id, queue_id, subject, created_at,
                   updated_at
            from ticket""";

    private final JdbcClient db;
    private final ListStart listStart;

    TicketRepository(JdbcClient db, ListStart listStart) {
        this.db = db;
        this.listStart = listStart;
    }

    /** Inserts the ticket (its id is ignored) and returns the new id. */
    public long insert(long businessId, Ticket t) {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("""
                insert into ticket (business_id, channel, status, customer_name, phone, campaign_id, call_id, queue_id,
                                    subject, created_at, updated_at)
                values (:business, :channel, :status, :name, :phone, :campaign, :call, :queue, :subject, :created,
                        :updated)
                """)
                .param("business", businessId).param("channel", t.channel().name()).param("status", t.status().name())
                .param("name", t.customerName()).param("phone", t.phone()).param("campaign", t.campaignId())
                .param("call", t.callId()).param("queue", t.queueId()).param("subject", t.subject())
                .param("created", SqlTime.toSql(t.createdAt())).param("updated", SqlTime.toSql(t.updatedAt()))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    public void updateStatus(long businessId, long id, TicketStatus status, Instant now) {
        db.sql("update ticket set status = :status, updated_at = :now where business_id = :business and id = :id")
                .param("status", status.name()).param("now", SqlTime.toSql(now))
                .param("business", businessId).param("id", id).update();
    }

    public Optional<Ticket> find(long businessId, long id) {
        return db.sql(SELECT + " where business_id = :business and id = :id")
                .param("business", businessId).param("id", id).query(this::ticket).optional();
    }

    /** Newest first, below {@code beforeId} when given; a null filter part matches every ticket. */
    public List<Ticket> page(long businessId, TicketChannel channel, TicketStatus status, String phone, Long beforeId,
                             int limit) {
        Optional<Long> bound = listStart.bound(beforeId, "ticket", new ListStart.Key("business_id", businessId));
        if (bound.isEmpty()) {
            return List.of();
        }
        return db.sql(SELECT + """
                 where business_id = :business
                   and (cast(:channel as varchar(20)) is null or channel = :channel)
                   and (cast(:status as varchar(20)) is null or status = :status)
                   and (cast(:phone as varchar(20)) is null or phone = :phone)
                   and id < :before
                 order by id desc
                """ + " fetch first " + limit + " rows only")
                .param("business", businessId).param("channel", channel == null ? null : channel.name())
                .param("status", status == null ? null : status.name()).param("phone", phone)
                .param("before", bound.get())
                .query(this::ticket).list();
    }

    private Ticket ticket(ResultSet row, int n) throws SQLException {
        return new Ticket(row.getLong("id"), TicketChannel.valueOf(row.getString("channel")),
                TicketStatus.valueOf(row.getString("status")), row.getString("customer_name"),
                row.getString("phone"), row.getObject("campaign_id", Long.class),
                row.getString("call_id"), row.getObject("queue_id", Long.class),
                row.getString("subject"), SqlTime.instant(row, "created_at"), SqlTime.instant(row, "updated_at"));
    }
}
