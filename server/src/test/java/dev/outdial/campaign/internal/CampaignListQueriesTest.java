package dev.outdial.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.internal.CampaignRepository.CampaignFilter;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list of campaigns reads their hotlines, agents, groups, quotas and mappings for the whole list
 * at once (issue 13: it was 1 + 5 queries per campaign), and each campaign in it is the campaign
 * read on its own.
 */
@OutdialIntegrationTest
class CampaignListQueriesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    Api api;

    @Autowired
    DataSource dataSource;

    TestBusiness business;
    CampaignFixtures fixtures;
    final AtomicInteger statements = new AtomicInteger();
    CampaignRepository counted;

    @BeforeEach
    void aRepositoryThatCountsItsStatements() {
        business = api.newBusiness("campaign-list");
        fixtures = new CampaignFixtures(business);
        JdbcClient countingDb = JdbcClient.create(new CountingDataSource(dataSource, statements));
        counted = new CampaignRepository(countingDb, new CampaignSettingsHistoryRepository(countingDb));
    }

    @Test
    void aListOfAnyLengthIsReadInSixQueries() {
        business.admin().post("/api/v1/campaigns", fixtures.fullBody("Alone", "PROGRESSIVE")).expect(201);
        assertThat(list()).hasSize(1);
        int queriesForOne = statements.get();
        long group = business.admin().post("/api/v1/agent-groups",
                Map.of("name", "Shift", "agentIds", List.of(fixtures.secondAgent.id()))).expect(201).id();
        long classification = business.admin().get("/api/v1/call-classifications").expect(200).json()
                .get(0).get("id").asLong();
        for (String mode : List.of("MANUAL", "PREVIEW", "PROGRESSIVE", "PREDICTIVE", "AUTOCALL", "AUTO_CALLBACK")) {
            Map<String, Object> body = fixtures.fullBody("Listed " + mode, mode);
            body.put("agentGroupIds", List.of(group));
            body.put("classificationMapping", Map.of("BUSY", classification, "NOANSWER", classification));
            business.admin().post("/api/v1/campaigns", body).expect(201);
        }

        List<Campaign> listed = list();

        assertThat(listed).hasSize(7);
        assertThat(statements.get()).isEqualTo(queriesForOne).isEqualTo(6);
        for (Campaign campaign : listed) {
            assertThat(campaign).isEqualTo(counted.find(business.id(), campaign.id(), ZONE).orElseThrow());
        }
        Campaign predictive = named(listed, "Listed PREDICTIVE");
        assertThat(predictive.settings().hotlineIds()).containsExactly(fixtures.hotlineId);
        assertThat(predictive.settings().agentIds()).containsExactly(fixtures.agent.id(), fixtures.secondAgent.id());
        assertThat(predictive.settings().agentGroupIds()).containsExactly(group);
        assertThat(predictive.settings().agentQuotas()).containsExactly(Map.entry(fixtures.agent.id(), 50));
        assertThat(predictive.settings().classificationMapping()).containsOnlyKeys("BUSY", "NOANSWER");
        assertThat(named(listed, "Listed AUTOCALL").settings().agentQuotas()).as("quotas do not apply to autocall")
                .isNull();
        assertThat(named(listed, "Alone").settings().agentGroupIds()).isEmpty();
    }

    private List<Campaign> list() {
        statements.set(0);
        return counted.list(business.id(), new CampaignFilter(null, null, null), ZONE);
    }

    private static Campaign named(List<Campaign> campaigns, String name) {
        return campaigns.stream().filter(campaign -> campaign.name().equals(name)).findFirst().orElseThrow();
    }

    /** Counts the statements prepared on its connections: one per query run. */
    private static final class CountingDataSource extends DelegatingDataSource {

        private final AtomicInteger statements;

        CountingDataSource(DataSource target, AtomicInteger statements) {
            super(target);
            this.statements = statements;
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            Connection connection = super.getConnection();
            InvocationHandler counting = (proxy, method, args) -> {
                if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                    statements.incrementAndGet();
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException thrown) {
                    throw thrown.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    counting);
        }
    }
}
