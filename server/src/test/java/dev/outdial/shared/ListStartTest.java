package dev.outdial.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.compliance.BlockKind;
import dev.outdial.compliance.BlockedNumber;
import dev.outdial.compliance.internal.BlockedNumberRepository;
import dev.outdial.contact.Contact;
import dev.outdial.contact.internal.ContactRepository;
import dev.outdial.contact.internal.ContactWhere;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.RowsRead;
import dev.outdial.ticket.Ticket;
import dev.outdial.ticket.internal.TicketRepository;
import dev.outdial.webhook.WebhookDelivery;
import dev.outdial.webhook.internal.DeliveryRepository;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, the first page of a business's contacts, tickets, blocked numbers and webhook deliveries, newest
 * first, is read from its own rows, not after the rows other businesses added since: for a business holding most of a
 * table PostgreSQL prices a walk of the primary key from the table's newest row cheapest (see {@link ListStart}).
 */
@Tag("postgres")
@OutdialIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListStartTest {

    private static final int MOST = 100_000;
    private static final int NEWER_OTHERS = 20_000;
    /** A page's rows, its start and a few index pages: far from the other business's rows. */
    private static final long FEW = 500;

    @Autowired
    Api api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ContactRepository contacts;
    @Autowired
    TicketRepository tickets;
    @Autowired
    BlockedNumberRepository blockedNumbers;
    @Autowired
    DeliveryRepository deliveries;

    long big;
    long other;
    long bigWebhook;

    @BeforeAll
    void aBusinessWithMostOfEachTableThenAnothersNewerRows() {
        big = api.newBusiness("start-big").id();
        other = api.newBusiness("start-other").id();
        bigWebhook = webhook(big);
        long otherWebhook = webhook(other);
        for (long business : List.of(big, other)) {
            int count = business == big ? MOST : NEWER_OTHERS;
            jdbc.update("insert into contact (business_id, name, created_at) select ?, 'Contact ' || g, now()"
                    + " from generate_series(1, ?) g", business, count);
            jdbc.update("insert into ticket (business_id, channel, status, phone, created_at, updated_at)"
                    + " select ?, 'CALL', 'OPEN', '+1555' || lpad(g::text, 7, '0'), now(), now()"
                    + " from generate_series(1, ?) g", business, count);
            jdbc.update("insert into blocked_number (business_id, kind, number, created_at)"
                    + " select ?, 'DNC', '+1555' || lpad(g::text, 7, '0'), now() from generate_series(1, ?) g",
                    business, count);
            jdbc.update("insert into webhook_delivery (webhook_id, business_id, event_id, event_type, payload, status,"
                    + " attempts, created_at) select ?, ?, 'e' || g, 'call.ended', '{}', 'DELIVERED', 1, now()"
                    + " from generate_series(1, ?) g", business == big ? bigWebhook : otherWebhook, business, count);
        }
        List.of("contact", "ticket", "blocked_number", "webhook_delivery")
                .forEach(table -> jdbc.execute("analyze " + table));
    }

    @AfterAll
    void removeThem() {
        for (long business : List.of(big, other)) {
            List.of("webhook_delivery", "webhook", "blocked_number", "ticket", "contact")
                    .forEach(table -> jdbc.update("delete from " + table + " where business_id = ?", business));
        }
    }

    @Test
    void contactsStartAtTheBusinesssNewest() {
        RowsRead.Counted<List<Long>> read = firstPage("contact", () -> contacts.select(big, ContactWhere.everyContact(), null, 51)
                .stream().map(Contact::id).toList());

        assertThat(read.result()).hasSize(51).first().isEqualTo(newest("contact", "business_id", big));
        assertThat(read.rows()).isLessThan(FEW);
    }

    @Test
    void ticketsStartAtTheBusinesssNewest() {
        RowsRead.Counted<List<Long>> read = firstPage("ticket", () -> tickets.page(big, null, null, null, null, 51)
                .stream().map(Ticket::id).toList());

        assertThat(read.result()).hasSize(51).first().isEqualTo(newest("ticket", "business_id", big));
        assertThat(read.rows()).isLessThan(FEW);
    }

    @Test
    void blockedNumbersStartAtTheBusinesssNewest() {
        RowsRead.Counted<List<Long>> read = firstPage("blocked_number", () -> blockedNumbers.page(big, BlockKind.DNC,
                new PhoneSearch(null, null), null, PageRequest.first(50)).stream().map(BlockedNumber::id).toList());

        assertThat(read.result()).hasSize(51).first().isEqualTo(newest("blocked_number", "business_id", big));
        assertThat(read.rows()).isLessThan(FEW);
    }

    @Test
    void webhookDeliveriesStartAtTheWebhooksNewest() {
        RowsRead.Counted<List<Long>> read = firstPage("webhook_delivery", () -> deliveries.page(big, bigWebhook, null, 51)
                .stream().map(WebhookDelivery::id).toList());

        assertThat(read.result()).hasSize(51).first().isEqualTo(newest("webhook_delivery", "webhook_id", bigWebhook));
        assertThat(read.rows()).isLessThan(FEW);
    }

    @Test
    void aScopeWithoutRowsHasAnEmptyFirstPage() {
        long empty = api.newBusiness("start-empty").id();

        assertThat(contacts.select(empty, ContactWhere.everyContact(), null, 51)).isEmpty();
        assertThat(tickets.page(empty, null, null, null, null, 51)).isEmpty();
    }

    /** The page as its repository reads it, and the rows of the table PostgreSQL read for it. */
    private RowsRead.Counted<List<Long>> firstPage(String table, Supplier<List<Long>> page) {
        return RowsRead.of(transactions, jdbc, table, page);
    }

    private long newest(String table, String column, long value) {
        return jdbc.queryForObject("select max(id) from " + table + " where " + column + " = ?", Long.class, value);
    }

    private long webhook(long business) {
        jdbc.update("insert into webhook (business_id, url, secret, events, enabled, created_at)"
                + " values (?, 'https://example.com/hook', 'secret', 'call.ended', true, now())", business);
        return jdbc.queryForObject("select max(id) from webhook where business_id = ?", Long.class, business);
    }
}
