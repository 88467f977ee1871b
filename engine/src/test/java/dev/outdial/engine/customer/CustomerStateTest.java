package dev.outdial.engine.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The status a customer is added with: the server writes it from this rule, not a copy of it. */
class CustomerStateTest {

    @Test
    void aCustomerAddedWithoutHoldsIsNew() {
        assertThat(CustomerState.added(Set.of()).status()).isEqualTo(CustomerStatus.NEW);
        assertThat(CustomerState.added(Set.of())).isEqualTo(CustomerState.fresh());
    }

    @Test
    void aCustomerAddedWithHoldsShowsTheFirstHold() {
        assertThat(CustomerState.added(EnumSet.of(Hold.DNC_REGISTRY)).status()).isEqualTo(CustomerStatus.DNC);
        assertThat(CustomerState.added(EnumSet.of(Hold.BLACKLIST)).status()).isEqualTo(CustomerStatus.BLOCKED);
        assertThat(CustomerState.added(EnumSet.of(Hold.DNC_REGISTRY, Hold.BLACKLIST)).status())
                .isEqualTo(CustomerStatus.BLOCKED);
    }
}
