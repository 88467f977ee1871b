package dev.outdial.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.customer.CustomerFilter;
import org.junit.jupiter.api.Test;

/** Which searches have a fixed start (a b-tree range serves them) and which do not. */
class CustomerQueryTest {

    @Test
    void aPatternIsUnanchoredWhenNothingFixesItsStart() {
        assertThat(unanchored("Nguy*", null)).isFalse();
        assertThat(unanchored("*An", null)).isTrue();
        assertThat(unanchored("?guyễn", null)).isTrue();
        assertThat(unanchored("An", null)).as("a name without wildcards matches anywhere").isTrue();
        assertThat(unanchored(null, "0912*")).isFalse();
        assertThat(unanchored(null, "+8491?")).isFalse();
        assertThat(unanchored(null, "*5678")).isTrue();
        assertThat(unanchored(null, "345 678")).as("a fragment of digits matches anywhere").isTrue();
        assertThat(unanchored(null, "0912 345 678")).as("a whole number is looked up, not searched").isFalse();
        assertThat(unanchored(null, null)).isFalse();
    }

    @Test
    void theScopeHoldsOnlyTheBusinessTheCampaignAndTheCursor() {
        CustomerQuery query = CustomerQuery.of(7, new CustomerFilter(3L, null, "*An", null, null, null, null, null, null),
                "VN", 100L, false);

        assertThat(query.scope()).isEqualTo("c.business_id = :business and c.campaign_id = :campaign and c.id < :after");
        assertThat(query.where()).startsWith(query.scope() + " and ").contains("lower(c.name) like :name");
    }

    private static boolean unanchored(String name, String phone) {
        return CustomerQuery.of(1, new CustomerFilter(1L, null, name, phone, null, null, null, null, null), "VN", null, false)
                .unanchored();
    }
}
