package dev.outdial.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import dev.outdial.shared.SqlTime;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The claim's two shortcuts (issue 18) and how far they may lag a change made through another
 * node, which this node's saves never see: here a write straight to the table. A fresh customer
 * put back behind the campaign's mark is reached when the mark has lived its time; a callback for
 * now, when the quiet campaign is rechecked. The contract test holds them to the engine's order for
 * every change made through this node.
 */
@OutdialIntegrationTest
class ClaimShortcutsTest {

    private static final int CUSTOMERS = 6;

    @Autowired
    Api api;

    @Autowired
    DialingCustomers customers;

    @Autowired
    JdbcTemplate jdbc;

    private long campaign;
    private final List<Long> ids = new ArrayList<>();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void aCampaignOfSixFreshCustomers() {
        TestBusiness business = api.newBusiness("Shortcuts");
        CampaignFixtures fixtures = new CampaignFixtures(business);
        // Unapproved: the live dialer leaves its customers alone.
        campaign = business.admin().post("/api/v1/campaigns", fixtures.fullBody("Shortcuts", "PROGRESSIVE"))
                .expect(201).id();
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            list.add(Map.of("name", "Customer " + i, "phone", "+849150000%02d".formatted(i)));
        }
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", list)).expect(201);
        Map<String, Long> byPhone = new HashMap<>();
        for (JsonNode listed : business.admin().get("/api/v1/campaigns/" + campaign + "/customers?limit=50")
                .expect(200).json().get("items")) {
            byPhone.put(listed.get("phones").get(0).asString(), listed.get("id").asLong());
        }
        byPhone.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> ids.add(entry.getValue()));
        customers.register(campaign, CampaignRules.of(DialType.PROGRESSIVE, 3, Duration.ofMinutes(30), 0));
    }

    @Test
    void aCustomerFreshAgainThroughAnotherNodeIsReachedOnceTheMarkHasLivedItsTime() {
        assertThat(claim(2, now)).containsExactly(ids.get(0), ids.get(1));
        releasedElsewhere(ids.get(0));

        assertThat(claim(1, now)).as("the mark stands: the order slips").containsExactly(ids.get(2));
        assertThat(claim(1, now.plusSeconds(30))).as("the head read again").containsExactly(ids.get(0));
        assertThat(claim(1, now.plusSeconds(30))).containsExactly(ids.get(3));
    }

    @Test
    void aCallbackForNowSetThroughAnotherNodeIsReachedAtTheQuietCampaignsRecheck() {
        assertThat(claim(1, now)).containsExactly(ids.get(0));
        callbackElsewhere(ids.get(5), now);

        assertThat(claim(1, now)).as("quiet: the due tiers are not asked").containsExactly(ids.get(1));
        assertThat(claim(1, now.plusSeconds(1))).as("rechecked").containsExactly(ids.get(5));
    }

    private List<Long> claim(int max, Instant at) {
        return customers.claimNext(campaign, Recipient.pool(Set.of()), max, at, at.plus(Duration.ofMinutes(5)))
                .stream().map(QueuedCustomer::customerId).toList();
    }

    /** What another node's release writes: the claim gone, fresh again. */
    private void releasedElsewhere(long id) {
        jdbc.update("update campaign_customer set status = 'NEW', claimed = false, lease_until = null, lease_owner = null"
                + " where id = ?", id);
    }

    /** What another node's disposition writes: a callback appointment, released to any agent. */
    private void callbackElsewhere(long id, Instant at) {
        jdbc.update("update campaign_customer set status = 'CALLBACK', progress = 'CALLBACK', next_attempt_at = ?"
                + " where id = ?", SqlTime.toSql(at), id);
    }
}
