package dev.outdial.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import dev.outdial.business.Business;
import dev.outdial.business.Businesses;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.FieldViolation;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.tabular.UploadLimit;
import dev.outdial.testing.TestDatabaseProfiles;
import dev.outdial.web.PageMessages;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The compliance module alone (Spring Modulith's module test: only its own beans, the shared
 * module's and the database): the numbers a business never calls, stored in E.164 from however
 * they were typed, each business's its own, every change announced so campaigns re-check their
 * customers (SPEC §4.3, §7). The business module is a mock that answers the business's country.
 */
@ApplicationModuleTest(verifyAutomatically = false) // ModularityTest verifies the modules, the engine left out
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class ComplianceModuleTest {

    @Autowired
    BlockedNumbers numbers;

    @Autowired
    JdbcClient db;

    @MockitoBean
    Businesses businesses;

    @MockitoBean
    PageMessages pageMessages;

    @MockitoBean
    UploadLimit uploadLimit;

    long business;
    long otherBusiness;

    @BeforeEach
    void twoVietnameseBusinesses() {
        // The rows the business module would have made: blocked numbers reference their business.
        business = businessRow();
        otherBusiness = businessRow();
        when(businesses.get(anyLong())).thenAnswer(call -> new Business(call.getArgument(0), "Business",
                ZoneId.of("Asia/Ho_Chi_Minh"), "VN", 5, Instant.now()));
    }

    @Test
    void aNumberTypedTheLocalWayIsBlockedInE164ForItsBusinessAloneAndAnnounced(AssertablePublishedEvents events) {
        BlockedNumber added = numbers.add(business, BlockKind.BLACKLIST, "0912 345 678", " asked us to stop ");

        assertThat(added.number()).isEqualTo("+84912345678");
        assertThat(added.reason()).isEqualTo("asked us to stop");
        assertThat(numbers.contains(business, BlockKind.BLACKLIST, "+84912345678")).isTrue();
        assertThat(numbers.contains(business, BlockKind.DNC, "+84912345678")).as("the other list").isFalse();
        assertThat(numbers.contains(otherBusiness, BlockKind.BLACKLIST, "+84912345678")).as("another business")
                .isFalse();
        assertThat(numbers.blocked(business, BlockKind.BLACKLIST, List.of("+84912345678", "+84900000000")))
                .isEqualTo(Set.of("+84912345678"));
        assertThat(numbers.listsHolding(business, "+84912345678")).containsExactly(BlockKind.BLACKLIST);
        numbers.add(business, BlockKind.DNC, "+84912345678", null);
        assertThat(numbers.listsHolding(business, "+84912345678")).as("the dialer's one look-up")
                .containsExactlyInAnyOrder(BlockKind.BLACKLIST, BlockKind.DNC);
        assertThat(numbers.listsHolding(otherBusiness, "+84912345678")).as("another business").isEmpty();
        assertThat(events).contains(NumbersBlocked.class)
                .matching(blocked -> blocked.businessId() == business && blocked.kind() == BlockKind.BLACKLIST
                        && blocked.numbers().equals(List.of("+84912345678")));
    }

    @Test
    void aNumberListedTwiceIsAConflictAndTheDncRegistryTakesNoReason() {
        numbers.add(business, BlockKind.DNC, "+84 912 000 111", null);

        assertThatThrownBy(() -> numbers.add(business, BlockKind.DNC, "0912000111", null))
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.messageKey()).isEqualTo("blocked.already-listed.DNC"));
        assertThatThrownBy(() -> numbers.add(business, BlockKind.DNC, "0912000222", "a reason"))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting(FieldViolation::field).containsExactly("reason"));
        assertThatThrownBy(() -> numbers.add(business, BlockKind.BLACKLIST, "not a number", null))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting(FieldViolation::field).containsExactly("number"));
    }

    @Test
    void aNumberRemovedByHowItWasTypedIsNoLongerBlockedAndThatIsAnnounced(AssertablePublishedEvents events) {
        numbers.add(business, BlockKind.BLACKLIST, "0912 777 888", null);

        numbers.remove(business, BlockKind.BLACKLIST, "+84 912 777 888");

        assertThat(numbers.contains(business, BlockKind.BLACKLIST, "+84912777888")).isFalse();
        assertThat(events).contains(NumbersUnblocked.class)
                .matching(unblocked -> unblocked.businessId() == business
                        && unblocked.numbers().equals(List.of("+84912777888")));
    }

    private long businessRow() {
        KeyHolder key = new GeneratedKeyHolder();
        db.sql("insert into business (name, time_zone, default_country, concurrent_call_limit, created_at) "
                        + "values (:name, 'Asia/Ho_Chi_Minh', 'VN', 5, current_timestamp)")
                .param("name", "Compliance module " + System.nanoTime()).update(key, "id");
        return key.getKey().longValue();
    }
}
