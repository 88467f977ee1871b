package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.call.CallEnded;
import dev.outdial.call.CallTally;
import dev.outdial.live.internal.CampaignCallTally;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: a call's end must reach the campaign's live tally (its abandon rate) even when counting
 * fails at that moment — the event publication registry keeps it, and it is counted when handed back.
 */
@OutdialIntegrationTest
class CallEndNotLostTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient db;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    CampaignCallTally tally;

    @Test
    void aCallEndTheTallyCouldNotCountIsKeptAndCountedWhenHandedBack() {
        // given a campaign, and its tally's table out of reach for a moment
        TestBusiness business = api.newBusiness("call-end-kept");
        DialingScenario campaign = DialingScenario.running(business, "MANUAL", Map.of());
        long customer = campaign.add("+84912470001").getFirst();
        CallEnded abandoned = new CallEnded(business.id(), campaign.campaignId, "kept-" + UUID.randomUUID(), customer,
                "+84912470001", null, "ABANDONED", Instant.now(), null, 12, 0, Instant.now(), null);
        db.sql("alter table live_campaign_calls rename to live_campaign_calls_away").update();
        try {
            // when the call's end is stored: its transaction commits although counting fails
            new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(abandoned));
            DialingScenario.waitFor(() -> tallyPublicationStatus(abandoned), "FAILED"::equals,
                    "the tally's failed attempt to count the call");
        } finally {
            db.sql("alter table live_campaign_calls_away rename to live_campaign_calls").update();
        }
        // then the call is not counted yet, but its end is kept
        assertThat(tally.of(business.id(), campaign.campaignId)).isEqualTo(new CallTally(0, 0, 0));
        // and handed back, it is counted once
        incomplete.resubmitIncompletePublications(publication -> abandoned.equals(publication.getEvent()));
        DialingScenario.waitFor(() -> tally.of(business.id(), campaign.campaignId), new CallTally(1, 0, 1)::equals,
                "the call counted in its campaign's tally");
        assertThat(tallyPublicationStatus(abandoned)).isEqualTo("gone");
    }

    /** The status of the tally's publication of the call's end; "gone" once completed (completion mode delete). */
    private String tallyPublicationStatus(CallEnded ended) {
        return db.sql("""
                select status from event_publication
                where listener_id like '%CampaignCallTally%' and serialized_event like :call
                """).param("call", "%" + ended.callId() + "%").query(String.class).optional().orElse("gone");
    }
}
