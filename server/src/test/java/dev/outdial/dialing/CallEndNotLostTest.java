package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.call.CallEnded;
import dev.outdial.call.CallTally;
import dev.outdial.live.internal.CampaignCallTally;
import dev.outdial.testing.AdjustableClock;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues 13 and 18: a call's end must reach the campaign's live tally (its abandon rate) and its other
 * handlers even when handling fails at that moment, when the node stops before handling it, and when
 * the event publication registry held it before the upgrade to the call-end outbox.
 */
@OutdialIntegrationTest
class CallEndNotLostTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Autowired
    Api api;
    @Autowired
    JdbcClient db;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CampaignCallTally tally;
    @Autowired
    AdjustableClock clock;
    @Autowired
    EventSerializer registrySerialization;
    @Autowired
    ApplicationContext context;
    @Autowired
    JsonMapper json;

    @Test
    void aCallEndTheTallyCouldNotCountIsKeptAndCountedOnceWhenTriedAgain() {
        // given a campaign, and its tally's table out of reach for a moment
        DialingScenario campaign = campaign("call-end-kept");
        CallEnded abandoned = ended(campaign, "ABANDONED");
        db.sql("alter table live_campaign_calls rename to live_campaign_calls_away").update();
        try {
            // when the call's end is stored: its transaction commits although counting fails
            store(abandoned);
            DialingScenario.waitFor(() -> tallyAttempts(abandoned), attempts -> attempts == 1,
                    "the tally's failed attempt to count the call");
        } finally {
            db.sql("alter table live_campaign_calls_away rename to live_campaign_calls").update();
        }
        // then the call is not counted yet, but its end is kept
        assertThat(tally.of(campaign.business.id(), campaign.campaignId)).isEqualTo(new CallTally(0, 0, 0));
        // and a minute later it is tried again and counted once
        try {
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            DialingScenario.waitFor(() -> tally.of(campaign.business.id(), campaign.campaignId),
                    new CallTally(1, 0, 1)::equals, "the call counted in its campaign's tally");
        } finally {
            clock.reset();
        }
        DialingScenario.waitFor(() -> tallyAttempts(abandoned), attempts -> attempts == -1, "the stored call end removed");
    }

    @Test
    void callEndsStoredWhileTheNodeIsStoppedAreHandledOnceAfterItsRestart() {
        DialingScenario first = campaign("call-end-restart-1");
        DialingScenario second = campaign("call-end-restart-2");
        SmartLifecycle drain = context.getBean("callEndDrain", SmartLifecycle.class);
        drain.stop();
        try {
            // given three call ends stored while no drain runs (a node that died after ending the calls)
            CallEnded abandoned = ended(first, "ABANDONED");
            store(abandoned);
            store(ended(first, "SUCCESS"));
            store(ended(second, "NO_ANSWER"));
            assertThat(tallyAttempts(abandoned)).isZero();
            assertThat(tally.of(first.business.id(), first.campaignId)).isEqualTo(new CallTally(0, 0, 0));
        } finally {
            // when the node starts again
            drain.start();
        }
        // then each is counted, once
        DialingScenario.waitFor(() -> tally.of(first.business.id(), first.campaignId), new CallTally(2, 1, 1)::equals,
                "the first campaign's two calls counted");
        DialingScenario.waitFor(() -> tally.of(second.business.id(), second.campaignId), new CallTally(1, 0, 0)::equals,
                "the second campaign's call counted");
    }

    @Test
    void callEndsTheEventRegistryHeldBeforeTheUpgradeAreHandedToTheirHandlers() {
        // given a call end the five listeners of the event publication registry had not completed
        DialingScenario campaign = campaign("call-end-upgrade");
        CallEnded abandoned = ended(campaign, "ABANDONED");
        for (String listener : new String[] {"dev.outdial.live.internal.CampaignCallTally",
                "dev.outdial.webhook.internal.CallWebhooks", "dev.outdial.dialing.internal.HotlineFailures",
                "dev.outdial.dialing.internal.AutocallTickets", "dev.outdial.dialing.internal.CallTickets"}) {
            db.sql("""
                    insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                        status, completion_attempts)
                    values (:id, :listener, 'dev.outdial.call.CallEnded', :event, :at, 'PROCESSING', 1)
                    """)
                    .param("id", UUID.randomUUID()).param("listener", listener + ".on(dev.outdial.call.CallEnded)")
                    .param("event", registrySerialization.serialize(abandoned).toString())
                    .param("at", OffsetDateTime.now()).update();
        }
        // when the upgrade's migration runs
        runMigration("db/migration/common/V251__call_end_outbox_from_event_registry.sql");
        // then the registry holds none of them, and the tally counts the call once; the other handlers
        // had nothing to do for it (no webhook, no hotline error, no ticket settings) and let it go
        assertThat(db.sql("select count(*) from event_publication where serialized_event like :call")
                .param("call", "%" + abandoned.callId() + "%").query(Long.class).single()).isZero();
        DialingScenario.waitFor(() -> tally.of(campaign.business.id(), campaign.campaignId), new CallTally(1, 0, 1)::equals,
                "the carried-over call counted");
        DialingScenario.waitFor(() -> db.sql("select count(*) from call_end_outbox where event like :call")
                        .param("call", "%" + abandoned.callId() + "%").query(Long.class).single(), left -> left == 0,
                "the carried-over call end handled by all five handlers");
    }

    @Test
    void aTicketPerCallCallEndStoredBeforeARestartOpensItsTicketBeforeTheDialerRunsItsCampaignAgain() {
        // given a campaign that tickets every call but that this node's dialer does not run (as after a
        // restart, before the dialer has started its campaigns again), and a call end stored for its tickets
        TestBusiness business = api.newBusiness("call-end-ticket");
        long campaignId = new CampaignFixtures(business).create("Tickets after a restart", "MANUAL");
        business.admin().post("/api/v1/campaigns/" + campaignId + "/customers", Map.of("customers",
                List.of(Map.of("name", "Restarted", "phone", "+84912480001")))).expect(201);
        long customer = business.admin().get("/api/v1/campaigns/" + campaignId + "/customers").expect(200).json()
                .get("items").get(0).get("id").asLong();
        CallEnded busy = new CallEnded(business.id(), campaignId, "kept-" + UUID.randomUUID(), customer,
                "+84912480001", null, "BUSY", Instant.now(), null, 3, 0, Instant.now(), null, null);
        db.sql("""
                insert into call_record (id, business_id, campaign_id, customer_id, dialed_number, hotline, queued_at,
                    dialing_at, ended_at, result)
                values (:id, :business, :campaign, :customer, '+84912480001', '+84281234567', :at, :at, :at, 'BUSY')
                """).param("id", busy.callId()).param("business", business.id()).param("campaign", campaignId)
                .param("customer", customer).param("at", OffsetDateTime.now()).update();
        // when the drain takes it
        db.sql("""
                insert into call_end_outbox (handler, event, stored_at, attempts, next_try_at)
                values ('call-tickets', :event, :now, 0, :now)
                """).param("event", json.writeValueAsString(busy)).param("now", OffsetDateTime.now()).update();
        // then the call's ticket is opened, as the campaign's stored setting says
        JsonNode ticket = DialingScenario.waitFor(() -> business.admin().get("/api/v1/tickets").expect(200).json()
                .get("items"), items -> items.size() == 1, "the call's ticket").get(0);
        assertThat(ticket.get("callId").asString()).isEqualTo(busy.callId());
        assertThat(ticket.get("customerName").asString()).isEqualTo("Restarted");
    }

    private DialingScenario campaign(String name) {
        TestBusiness business = api.newBusiness(name);
        return DialingScenario.running(business, "MANUAL", Map.of());
    }

    private static CallEnded ended(DialingScenario campaign, String result) {
        long customer = campaign.add("+849124" + (70000 + NUMBERS.incrementAndGet())).getFirst();
        return new CallEnded(campaign.business.id(), campaign.campaignId, "kept-" + UUID.randomUUID(), customer,
                "+84912470001", null, result, Instant.now(), null, 12, 0, Instant.now(), null, "CUSTOMER_HUNG_UP");
    }

    private void store(CallEnded ended) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(ended));
    }

    /** How often the tally failed the stored call end; -1 once it is gone (handled). */
    private int tallyAttempts(CallEnded ended) {
        return db.sql("select attempts from call_end_outbox where handler = 'live-tally' and event like :call")
                .param("call", "%" + ended.callId() + "%").query(Integer.class).optional().orElse(-1);
    }

    private void runMigration(String path) {
        try {
            String script = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    db.sql(statement).update();
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
