package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.customer.DialingCustomers;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Claims racing on a real PostgreSQL, as nodes (or agents) do: {@code FOR UPDATE SKIP LOCKED} must
 * hand every customer to exactly one claimer, however the claims interleave.
 */
@Tag("postgres")
@OutdialIntegrationTest
class ClaimRaceTest {

    private static final int CUSTOMERS = 60;
    private static final int CLAIMERS = 6;

    @Autowired
    Api api;

    @Autowired
    DialingCustomers store;

    @Test
    void claimersRacingNeverClaimTheSameCustomer() throws Exception {
        DialingScenario campaign = DialingScenario.running(api.newBusiness("Race"), "MANUAL", Map.of());
        List<Long> added = campaign.add(IntStream.range(0, CUSTOMERS)
                .mapToObj(i -> "+8491502%04d".formatted(i)).toArray(String[]::new));
        store.register(campaign.campaignId, CampaignRules.of(DialType.MANUAL, 4, Duration.ZERO, 14));

        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService claimers = Executors.newFixedThreadPool(CLAIMERS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CLAIMERS; i++) {
                Recipient recipient = Recipient.agent(AgentId.of(String.valueOf(1_000_000 + i)), Set.of());
                done.add(claimers.submit(() -> {
                    start.await();
                    List<QueuedCustomer> batch;
                    do {
                        Instant now = Instant.now();
                        batch = store.claimNext(campaign.campaignId, recipient, 2, now, now.plusSeconds(60));
                        batch.forEach(customer -> claimed.add(customer.customerId()));
                    } while (!batch.isEmpty());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> claimer : done) {
                claimer.get();
            }
        }

        assertThat(claimed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(added);
    }
}
