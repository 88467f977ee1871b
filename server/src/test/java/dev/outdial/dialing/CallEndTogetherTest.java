package dev.outdial.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.call.DialingCalls;
import dev.outdial.customer.DialingCustomers;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A call's end and what it does to its customer are stored together or not at all
 * ({@code CallLog.atomically}): a node killed between the two writes once left a customer done
 * while its call record stayed open for ever (KilledServerTest, CI of 2026-12-02).
 */
@OutdialIntegrationTest
class CallEndTogetherTest {

    @Autowired
    Api api;
    @Autowired
    DialingCalls calls;
    @Autowired
    DialingCustomers customers;
    @Autowired
    JdbcClient db;

    @Test
    void aCustomerWriteIsUndoneWhenTheCallsEndCannotBeStored() {
        TestBusiness business = api.newBusiness("call-end-together");
        DialingScenario campaign = DialingScenario.running(business, "MANUAL", Map.of());
        long customer = campaign.add("+84912480001").getFirst();
        long classification = db.sql("select id from call_classification where business_id = ? order by id limit 1")
                .param(business.id()).query(Long.class).single();

        assertThatThrownBy(() -> calls.atomically(() -> {
            customers.classify(campaign.campaignId, customer, classification);
            throw new IllegalStateException("the call's record could not be written");
        })).hasMessageContaining("could not be written");

        assertThat(campaign.customer(customer).hasNonNull("classificationId")).as("the customer as it was").isFalse();

        calls.atomically(() -> {
            customers.classify(campaign.campaignId, customer, classification);
            return null;
        });
        assertThat(campaign.customer(customer).get("classificationId").asLong()).isEqualTo(classification);
    }
}
