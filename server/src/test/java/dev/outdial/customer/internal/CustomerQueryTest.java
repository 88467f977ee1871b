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
    void theScopeWalkedOnItsIndexHoldsOnlyTheBusinessTheCampaignAndTheCursorTheCampaignARange() {
        CustomerQuery query = CustomerQuery.of(7, new CustomerFilter(3L, null, "*An", null, null, null, null, null, null),
                "VN", 100L, false);

        assertThat(query.bounded()).as("the cursor bounds it").isTrue();
        assertThat(query.scopeOnItsIndex())
                .isEqualTo("c.business_id = :business and c.campaign_id between :campaign and :campaign and c.id < :after");
        assertThat(query.orderOnItsIndex()).isEqualTo("c.campaign_id desc, c.id desc");
        assertThat(query.where()).startsWith("c.business_id = :business and c.campaign_id = :campaign and c.id < :after and ")
                .contains("lower(c.name) like :name");
    }

    @Test
    void aFirstPageOfTheWholeBusinessStartsWhereItIsToldWalkingTheBusinessAsARange() {
        CustomerQuery query = CustomerQuery.of(7, new CustomerFilter(null, null, null, null, null, null, null, null, null),
                "VN", null, true);
        assertThat(query.bounded()).isFalse();

        query.startAt(42);

        assertThat(query.bounded()).isTrue();
        assertThat(query.scopeOnItsIndex()).isEqualTo("c.business_id between :business and :business and c.id >= :start");
        assertThat(query.orderOnItsIndex()).isEqualTo("c.business_id asc, c.id asc");
        assertThat(query.where()).isEqualTo("c.business_id = :business and c.id >= :start");
        assertThat(query.params()).containsEntry("start", 42L);
    }

    private static boolean unanchored(String name, String phone) {
        return CustomerQuery.of(1, new CustomerFilter(1L, null, name, phone, null, null, null, null, null), "VN", null, false)
                .unanchored();
    }
}
