package dev.outdial.engine.rules;

import static dev.outdial.engine.fixtures.CampaignRulesBuilder.aProgressiveCampaign;
import static dev.outdial.engine.fixtures.CustomerBuilder.aCustomerToRetry;
import static dev.outdial.engine.fixtures.CustomerBuilder.aCustomerWithCallback;
import static dev.outdial.engine.fixtures.CustomerBuilder.aNewCustomer;
import static dev.outdial.engine.rules.Verdicts.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.Hold;
import dev.outdial.engine.rules.DialVerdict.Reason;
import dev.outdial.engine.rules.DialVerdict.Refused;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialComplianceTest {

    static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String NUMBER = "+842838221234";
    /** Monday 2025-03-03 10:00 in Saigon. */
    static final Instant NOW = Instant.parse("2025-03-03T03:00:00Z");

    WeeklySchedule officeHours = WeeklySchedule.in(SAIGON)
            .open(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "08:00", "17:00").build();
    DialCompliance compliance = new DialCompliance(aProgressiveCampaign().maxCalls(3).build(),
            new CallingWindow(Instant.parse("2025-03-01T00:00:00Z"), Optional.empty(), officeHours,
                    Optional.of(officeHours), new CalledPartyZones()),
            new ConcurrencyLimit(10));

    /** A dial of a number on neither list at {@link #NOW}. */
    DialVerdict dialing(CustomerState customer) {
        return dialing(customer, false, false, NOW);
    }

    DialVerdict dialing(CustomerState customer, boolean onBlacklist, boolean onDncRegistry, Instant at) {
        return compliance.check(new DialRequest(customer, NUMBER, onBlacklist, onDncRegistry), at);
    }

    @Test
    void claimedCustomerInsideAllRulesMayBeDialed() {
        assertThat(dialing(aNewCustomer().claimedUntil(NOW.plusSeconds(60)).build()).isAllowed()).isTrue();
    }

    @Test
    void numberBlacklistedSinceItWasAddedIsNotDialed() {
        DialVerdict verdict = dialing(aNewCustomer().build(), true, false, NOW);

        assertThat(reasonOf(verdict)).isEqualTo(Reason.BLOCKED);
    }

    @Test
    void numberRegisteredForDncSinceItWasAddedIsNotDialed() {
        DialVerdict verdict = dialing(aNewCustomer().build(), false, true, NOW);

        assertThat(reasonOf(verdict)).isEqualTo(Reason.DNC);
    }

    @Test
    void customerHeldInTheCampaignIsNotDialed() {
        assertThat(reasonOf(dialing(aNewCustomer().held(Hold.BLACKLIST).build()))).isEqualTo(Reason.BLOCKED);
        assertThat(reasonOf(dialing(aNewCustomer().held(Hold.DNC_REGISTRY).build()))).isEqualTo(Reason.DNC);
        assertThat(reasonOf(dialing(aNewCustomer().held(Hold.PAUSE).build()))).isEqualTo(Reason.PAUSED);
    }

    @Test
    void customerOnACallIsNotDialedAgain() {
        assertThat(reasonOf(dialing(aNewCustomer().onCallUntil(NOW.plusSeconds(60)).build()))).isEqualTo(Reason.ALREADY_ON_CALL);
    }

    @Test
    void busyNumberIsNotCalledPastMaximumCalls() {
        DialVerdict verdict = dialing(aCustomerToRetry(NOW).afterUnansweredAttempts(3).build());

        assertThat(reasonOf(verdict)).isEqualTo(Reason.PAST_MAX_CALLS);
        assertThat(((Refused) verdict).detail()).isEqualTo("3 unanswered attempt(s) of at most 3 in this contact cycle");
    }

    @Test
    void callbackStartsANewCycleSoItMayBeDialed() {
        CustomerState callback = aCustomerWithCallback(AgentId.of("alice"), NOW).build();

        assertThat(dialing(callback).isAllowed()).isTrue();
    }

    @Test
    void nothingIsDialedOutsideTheCallingWindow() {
        Instant evening = Instant.parse("2025-03-03T12:00:00Z");

        DialVerdict verdict = dialing(aNewCustomer().build(), false, false, evening);

        assertThat(reasonOf(verdict)).isEqualTo(Reason.OUTSIDE_WORKING_HOURS);
    }

    @Test
    void contractConcurrencyIsNeverExceeded() {
        assertThat(compliance.lineVerdict(9).isAllowed()).as("one line of ten free").isTrue();
        assertThat(reasonOf(compliance.lineVerdict(10))).isEqualTo(Reason.CONCURRENCY_LIMIT);
    }

    @Test
    void listsAreReportedBeforeAnythingElse() {
        CustomerState everythingWrong = aCustomerToRetry(NOW).afterUnansweredAttempts(3).held(Hold.PAUSE).onCallUntil(NOW).build();

        DialVerdict verdict = dialing(everythingWrong, false, true, Instant.parse("2025-03-03T12:00:00Z"));

        assertThat(reasonOf(verdict)).isEqualTo(Reason.DNC);
    }
}
