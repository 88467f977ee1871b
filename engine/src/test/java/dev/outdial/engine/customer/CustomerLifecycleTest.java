package dev.outdial.engine.customer;

import static dev.outdial.engine.fixtures.CampaignRulesBuilder.aManualCampaign;
import static dev.outdial.engine.fixtures.CampaignRulesBuilder.aProgressiveCampaign;
import static dev.outdial.engine.fixtures.CustomerBuilder.aCustomerIn;
import static dev.outdial.engine.fixtures.CustomerBuilder.aCustomerToRetry;
import static dev.outdial.engine.fixtures.CustomerBuilder.aCustomerWithBusinessSideErrors;
import static dev.outdial.engine.fixtures.CustomerBuilder.aCustomerWithCallback;
import static dev.outdial.engine.fixtures.CustomerBuilder.aNewCustomer;
import static dev.outdial.engine.fixtures.CustomerBuilder.aReachedCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.customer.CustomerEvent.AttemptsExhausted;
import dev.outdial.engine.customer.CustomerEvent.CallbackScheduled;
import dev.outdial.engine.customer.CustomerEvent.ClaimLapsed;
import dev.outdial.engine.customer.CustomerEvent.HoldLifted;
import dev.outdial.engine.customer.CustomerEvent.HoldPlaced;
import dev.outdial.engine.customer.CustomerEvent.MarkedError;
import dev.outdial.engine.customer.CustomerEvent.Reached;
import dev.outdial.engine.customer.CustomerEvent.RetryScheduled;
import dev.outdial.engine.customer.CustomerEvent.SuppressedForGood;
import dev.outdial.engine.customer.CustomerEvent.SuppressedUntil;
import dev.outdial.engine.customer.CustomerInput.Blacklisted;
import dev.outdial.engine.customer.CustomerInput.CallEnded;
import dev.outdial.engine.customer.CustomerInput.CallbackAt;
import dev.outdial.engine.customer.CustomerInput.Claimed;
import dev.outdial.engine.customer.CustomerInput.Dialed;
import dev.outdial.engine.customer.CustomerInput.DncRegistered;
import dev.outdial.engine.customer.CustomerInput.DncRemoved;
import dev.outdial.engine.customer.CustomerInput.DoNotCallBack;
import dev.outdial.engine.customer.CustomerInput.Done;
import dev.outdial.engine.customer.CustomerInput.LeaseExpired;
import dev.outdial.engine.customer.CustomerInput.LeaseRenewed;
import dev.outdial.engine.customer.CustomerInput.Paused;
import dev.outdial.engine.customer.CustomerInput.Released;
import dev.outdial.engine.customer.CustomerInput.Started;
import dev.outdial.engine.customer.CustomerInput.Unblacklisted;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CustomerLifecycleTest {

    static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    static final Instant LEASE = NOW.plus(Duration.ofMinutes(5));
    static final AgentId ALICE = AgentId.of("alice");

    CampaignRules rules = aProgressiveCampaign().maxCalls(3).retryGap(Duration.ofMinutes(30)).noCallbackDays(7).build();

    Transition when(CustomerState customer, CustomerInput input) {
        return CustomerLifecycle.apply(customer, input, rules, NOW);
    }

    Transition.Applied applied(CustomerState customer, CustomerInput input) {
        return when(customer, input).orElseThrow();
    }

    /** Claims, dials and ends one call with {@code result}: what the server does for one attempt. */
    Transition.Applied callEnds(CustomerState customer, CallResult result) {
        CustomerState onCall = applied(applied(customer, new Claimed(LEASE)).state(), new Dialed()).state();
        return applied(onCall, new CallEnded(result));
    }

    /** The same customer once its next attempt is due, as if the gap had passed. */
    static CustomerState dueAgain(CustomerState customer) {
        return customer.withProgress(customer.progress(), Optional.of(NOW));
    }

    String rejectionOf(CustomerState customer, CustomerInput input) {
        Transition transition = when(customer, input);
        assertThat(transition).isInstanceOf(Transition.Rejected.class);
        assertThat(transition.state()).isSameAs(customer);
        return ((Transition.Rejected) transition).reason();
    }

    @Nested
    class ClaimingAndDialing {

        @Test
        void newCustomerIsInProgressOnceClaimed() {
            CustomerState claimed = applied(aNewCustomer().build(), new Claimed(LEASE)).state();

            assertThat(claimed.status()).isEqualTo(CustomerStatus.IN_PROGRESS);
            assertThat(claimed.progress()).isEqualTo(CustomerStatus.NEW);
            assertThat(claimed.isOnCall()).isFalse();
        }

        @Test
        void claimedCustomerIsNotClaimedAgain() {
            CustomerState claimed = aNewCustomer().claimedUntil(LEASE).build();

            assertThat(rejectionOf(claimed, new Claimed(LEASE))).contains("already claimed");
        }

        @Test
        void pausedCustomerIsNotClaimed() {
            CustomerState paused = aNewCustomer().held(Hold.PAUSE).build();

            assertThat(rejectionOf(paused, new Claimed(LEASE))).contains("PAUSED");
        }

        @Test
        void retryIsNotClaimedBeforeTheGapHasPassed() {
            CustomerState retry = aCustomerToRetry(NOW.plusSeconds(60)).build();

            assertThat(rejectionOf(retry, new Claimed(LEASE))).contains("not eligible", "next attempt at");
        }

        @ParameterizedTest
        @EnumSource(value = CustomerStatus.class, names = {"SUCCESS", "MAX_ATTEMPTS"})
        void finishedCustomerIsNotClaimed(CustomerStatus finished) {
            CustomerState customer = aCustomerIn(finished)
                    .afterUnansweredAttempts(finished == CustomerStatus.MAX_ATTEMPTS ? 3 : 0).build();

            assertThat(rejectionOf(customer, new Claimed(LEASE))).contains("not eligible");
        }

        @Test
        void leaseMustEndAfterNow() {
            assertThat(rejectionOf(aNewCustomer().build(), new Claimed(NOW))).contains("lease must end after now");
        }

        @Test
        void everyDialCountsAsAnAttemptWhateverFollows() {
            CustomerState claimed = aNewCustomer().claimedUntil(LEASE).build();

            CustomerState dialed = applied(claimed, new Dialed()).state();

            assertThat(dialed.isOnCall()).isTrue();
            assertThat(dialed.totalAttempts()).isEqualTo(1);
            assertThat(dialed.cycleAttempts()).isZero();
        }

        @Test
        void customerIsNeverOnTwoCallsAtOnce() {
            CustomerState onCall = aNewCustomer().onCallUntil(LEASE).build();

            assertThat(rejectionOf(onCall, new Dialed())).contains("already on a call");
        }

        @Test
        void unclaimedCustomerIsNotDialed() {
            assertThat(rejectionOf(aNewCustomer().build(), new Dialed())).contains("only once claimed");
        }

        @Test
        void releasedCustomerReturnsToWhereItWas() {
            CustomerState retry = aCustomerToRetry(NOW).claimedUntil(LEASE).build();

            CustomerState released = applied(retry, new Released()).state();

            assertThat(released.status()).isEqualTo(CustomerStatus.RETRY);
            assertThat(released).isEqualTo(aCustomerToRetry(NOW).build());
        }

        @Test
        void customerOnACallIsNotReleased() {
            assertThat(rejectionOf(aNewCustomer().onCallUntil(LEASE).build(), new Released())).contains("call must end");
        }
    }

    @Nested
    class CallEnd {

        @ParameterizedTest
        @EnumSource(value = CallResult.class, names = {"NOANSWER", "BUSY", "REFUSAL", "ABANDONED", "MACHINE"})
        void unreachedCustomerIsRetriedAfterTheGap(CallResult notReached) {
            Transition.Applied transition = callEnds(aNewCustomer().build(), notReached);

            Instant afterGap = NOW.plus(Duration.ofMinutes(30));
            assertThat(transition.state().status()).isEqualTo(CustomerStatus.RETRY);
            assertThat(transition.state().cycleAttempts()).isEqualTo(1);
            assertThat(transition.state().nextAttemptAt()).contains(afterGap);
            assertThat(transition.events()).containsExactly(new RetryScheduled(afterGap));
        }

        @Test
        void manualAgentMayRedialAtOnce() {
            rules = aManualCampaign().maxCalls(3).retryGap(Duration.ofMinutes(30)).build();

            CustomerState retry = callEnds(aNewCustomer().build(), CallResult.BUSY).state();

            assertThat(retry.nextAttemptAt()).contains(NOW);
            assertThat(Eligibility.of(retry, rules, NOW)).contains(Eligibility.EligibleAs.RETRY);
        }

        @Test
        void busyNumberIsNotCalledPastMaximumCalls() {
            CustomerState customer = aNewCustomer().build();
            customer = callEnds(customer, CallResult.BUSY).state();
            customer = callEnds(dueAgain(customer), CallResult.BUSY).state();

            Transition.Applied third = callEnds(dueAgain(customer), CallResult.BUSY);

            assertThat(third.state().status()).isEqualTo(CustomerStatus.MAX_ATTEMPTS);
            assertThat(third.state().nextAttemptAt()).isEmpty();
            assertThat(third.events()).containsExactly(new AttemptsExhausted(3));
            assertThat(rejectionOf(third.state(), new Claimed(LEASE))).contains("not eligible");
        }

        @Test
        void reachedCustomerIsSuccessful() {
            Transition.Applied transition = callEnds(aCustomerToRetry(NOW).build(), CallResult.SUCCESS);

            assertThat(transition.state().status()).isEqualTo(CustomerStatus.SUCCESS);
            assertThat(transition.state().cycleAttempts()).as("a reached call is no unanswered attempt").isEqualTo(1);
            assertThat(transition.state().lastResult()).contains(CallResult.SUCCESS);
            assertThat(transition.events()).containsExactly(new Reached());
        }

        @ParameterizedTest
        @EnumSource(value = CallResult.class, names = {"HOTLINE_ERROR", "NETWORK_ERROR", "AGENT_TIMEOUT"})
        void businessSideErrorConsumesNoAttemptAndIsRetriedLater(CallResult error) {
            Transition.Applied transition = callEnds(aCustomerToRetry(NOW).afterUnansweredAttempts(2).build(), error);

            assertThat(transition.state().status()).isEqualTo(CustomerStatus.ERROR);
            assertThat(transition.state().cycleAttempts()).isEqualTo(2);
            assertThat(transition.state().businessErrors()).isEqualTo(1);
            assertThat(transition.events()).containsExactly(new MarkedError(error, true));
            assertThat(Eligibility.of(transition.state(), rules, NOW.plus(Duration.ofMinutes(30))))
                    .contains(Eligibility.EligibleAs.ERROR_RETRY);
        }

        @Test
        void businessSideErrorIsRetriedAtMostThreeTimesThenStaysError() {
            CustomerState customer = callEnds(aNewCustomer().build(), CallResult.HOTLINE_ERROR).state();
            int retries = 0;
            while (Eligibility.of(customer, rules, NOW.plus(Duration.ofDays(1))).isPresent()) {
                retries++;
                customer = callEnds(dueAgain(customer), CallResult.HOTLINE_ERROR).state();
            }

            assertThat(retries).isEqualTo(3);
            assertThat(customer.status()).isEqualTo(CustomerStatus.ERROR);
            assertThat(customer.businessErrors()).isEqualTo(4);
            assertThat(customer.cycleAttempts()).isZero();
            assertThat(ErrorRetryPolicy.willRetry(customer, rules)).isFalse();
        }

        @Test
        void lastBusinessSideErrorSaysItWillNotBeRetried() {
            Transition.Applied fourth = callEnds(aCustomerWithBusinessSideErrors(3, NOW).build(), CallResult.NETWORK_ERROR);

            assertThat(fourth.events()).containsExactly(new MarkedError(CallResult.NETWORK_ERROR, false));
            assertThat(fourth.state().nextAttemptAt()).isEmpty();
        }

        @Test
        void invalidNumberIsErrorAtOnceAndNotRetried() {
            Transition.Applied transition = callEnds(aNewCustomer().build(), CallResult.INVALID_NUMBER);

            assertThat(transition.state().status()).isEqualTo(CustomerStatus.ERROR);
            assertThat(transition.events()).containsExactly(new MarkedError(CallResult.INVALID_NUMBER, false));
            assertThat(Eligibility.of(transition.state(), rules, NOW.plus(Duration.ofDays(365)))).isEmpty();
        }

        @Test
        void callThatIsNotOpenDoesNotEnd() {
            assertThat(rejectionOf(aNewCustomer().claimedUntil(LEASE).build(), new CallEnded(CallResult.BUSY)))
                    .contains("no call to the customer is open");
        }

        @Test
        void unreachedCallbackIsRetriedByAnyAgent() {
            CustomerState callback = aCustomerWithCallback(ALICE, NOW).build();

            CustomerState retry = callEnds(callback, CallResult.NOANSWER).state();

            assertThat(retry.status()).isEqualTo(CustomerStatus.RETRY);
            assertThat(retry.callbackOwner()).isEmpty();
            assertThat(retry.cycleAttempts()).isEqualTo(1);
        }
    }

    @Nested
    class AgentDisposition {

        @Test
        void doneKeepsTheReachedCustomerSuccessful() {
            Transition.Applied transition = applied(aReachedCustomer().build(), new Done());

            assertThat(transition.state().status()).isEqualTo(CustomerStatus.SUCCESS);
            assertThat(transition.events()).isEmpty();
        }

        @Test
        void callbackAppointmentStartsANewContactCycleOwnedByTheAgent() {
            CustomerState reached = aReachedCustomer().afterUnansweredAttempts(2).totalAttempts(3).build();
            Instant appointment = NOW.plus(Duration.ofDays(1));

            Transition.Applied transition = applied(reached, new CallbackAt(appointment, ALICE));

            assertThat(transition.state().status()).isEqualTo(CustomerStatus.CALLBACK);
            assertThat(transition.state().cycleAttempts()).isZero();
            assertThat(transition.state().totalAttempts()).isEqualTo(3);
            assertThat(transition.state().callbackOwner()).contains(ALICE);
            assertThat(transition.state().callbackAppointment()).contains(appointment);
            assertThat(transition.events()).containsExactly(new CallbackScheduled(ALICE, appointment));
        }

        @Test
        void callbackIsDueAtItsAppointmentAndNotBefore() {
            Instant appointment = NOW.plus(Duration.ofHours(2));
            CustomerState callback = applied(aReachedCustomer().build(), new CallbackAt(appointment, ALICE)).state();

            assertThat(Eligibility.of(callback, rules, appointment.minusSeconds(1))).isEmpty();
            assertThat(Eligibility.of(callback, rules, appointment)).contains(Eligibility.EligibleAs.CALLBACK);
        }

        @Test
        void callbackAppointmentInThePastIsRejected() {
            assertThat(rejectionOf(aReachedCustomer().build(), new CallbackAt(NOW, ALICE))).contains("must be in the future");
        }

        @Test
        void doNotCallBackSuppressesForTheNoCallbackPeriodThenTheCustomerIsEligibleAgain() {
            Instant sevenDaysLater = NOW.plus(Duration.ofDays(7));

            Transition.Applied transition = applied(aReachedCustomer().build(), new DoNotCallBack());

            CustomerState suppressed = transition.state();
            assertThat(suppressed.status()).isEqualTo(CustomerStatus.DO_NOT_CALL_BACK);
            assertThat(suppressed.doNotCallBackUntil()).contains(sevenDaysLater);
            assertThat(transition.events()).containsExactly(new SuppressedUntil(sevenDaysLater));
            assertThat(Eligibility.of(suppressed, rules, sevenDaysLater.minusSeconds(1))).isEmpty();
            assertThat(Eligibility.of(suppressed, rules, sevenDaysLater)).contains(Eligibility.EligibleAs.RETRY);
        }

        @Test
        void doNotCallBackWithANoCallbackPeriodOfZeroMeansNeverAgain() {
            rules = aProgressiveCampaign().noCallbackDays(0).build();

            Transition.Applied transition = applied(aReachedCustomer().build(), new DoNotCallBack());

            assertThat(transition.state().isSuppressedForGood()).isTrue();
            assertThat(transition.events()).containsExactly(new SuppressedForGood());
            assertThat(Eligibility.of(transition.state(), rules, NOW.plus(Duration.ofDays(3650)))).isEmpty();
        }

        @Test
        void unreachedCustomerIsNotDisposed() {
            assertThat(rejectionOf(aCustomerToRetry(NOW).build(), new DoNotCallBack()))
                    .contains("only a reached call is disposed", "RETRY", "NOANSWER");
            assertThat(rejectionOf(aNewCustomer().build(), new Done())).contains("never reached");
        }

        @Test
        void dispositionWaitsForTheCallToEnd() {
            CustomerState onCallbackCall = aCustomerWithCallback(ALICE, NOW).onCallUntil(LEASE).build();

            assertThat(rejectionOf(onCallbackCall, new Done())).contains("still open");
        }
    }

    @Nested
    class HoldsAndLists {

        @Test
        void pauseKeepsTheStateAndStartReturnsItToWhereItWas() {
            CustomerState callback = aCustomerWithCallback(ALICE, NOW.plusSeconds(3600)).build();

            Transition.Applied paused = applied(callback, new Paused());
            Transition.Applied started = applied(paused.state(), new Started());

            assertThat(paused.state().status()).isEqualTo(CustomerStatus.PAUSED);
            assertThat(paused.events()).containsExactly(new HoldPlaced(Hold.PAUSE));
            assertThat(started.state()).isEqualTo(callback);
            assertThat(started.events()).containsExactly(new HoldLifted(Hold.PAUSE));
        }

        @Test
        void pausedCustomerIsNotPausedAgainNorAnUnpausedOneStarted() {
            assertThat(rejectionOf(aNewCustomer().held(Hold.PAUSE).build(), new Paused())).contains("already paused");
            assertThat(rejectionOf(aNewCustomer().build(), new Started())).contains("only a paused customer", "NEW");
        }

        @Test
        void blacklistedCustomerIsBlockedAndReturnsToItsStatusWhenRemoved() {
            CustomerState retry = aCustomerToRetry(NOW).build();

            CustomerState blocked = applied(retry, new Blacklisted()).state();
            CustomerState unblocked = applied(blocked, new Unblacklisted()).state();

            assertThat(blocked.status()).isEqualTo(CustomerStatus.BLOCKED);
            assertThat(Eligibility.of(blocked, rules, NOW)).isEmpty();
            assertThat(unblocked).isEqualTo(retry);
        }

        @Test
        void dncNumberReturnsToTheStatusItWouldOtherwiseHave() {
            CustomerState paused = aNewCustomer().held(Hold.PAUSE).build();

            CustomerState dnc = applied(paused, new DncRegistered()).state();
            CustomerState removed = applied(dnc, new DncRemoved()).state();

            assertThat(dnc.status()).isEqualTo(CustomerStatus.DNC);
            assertThat(removed.status()).as("still paused: the admin's pause outlives the registry entry")
                    .isEqualTo(CustomerStatus.PAUSED);
        }

        @Test
        void blacklistShowsBeforeDncAndDncBeforePause() {
            CustomerState everything = aNewCustomer().held(Hold.PAUSE).held(Hold.DNC_REGISTRY).held(Hold.BLACKLIST).build();

            assertThat(everything.status()).isEqualTo(CustomerStatus.BLOCKED);
            assertThat(applied(everything, new Unblacklisted()).state().status()).isEqualTo(CustomerStatus.DNC);
        }

        @Test
        void listFactsRepeatWithoutChangingAnything() {
            CustomerState blocked = aNewCustomer().held(Hold.BLACKLIST).build();

            Transition.Applied again = applied(blocked, new Blacklisted());
            Transition.Applied neverListed = applied(aNewCustomer().build(), new DncRemoved());

            assertThat(again.state()).isEqualTo(blocked);
            assertThat(again.events()).isEmpty();
            assertThat(neverListed.events()).isEmpty();
        }

        @Test
        void callEndingUnderAHoldMovesTheProgressBeneathIt() {
            CustomerState onCall = aNewCustomer().onCallUntil(LEASE).build();
            CustomerState pausedOnCall = applied(onCall, new Paused()).state();

            CustomerState ended = applied(pausedOnCall, new CallEnded(CallResult.BUSY)).state();

            assertThat(ended.status()).isEqualTo(CustomerStatus.PAUSED);
            assertThat(applied(ended, new Started()).state().status()).isEqualTo(CustomerStatus.RETRY);
        }
    }

    @Nested
    class LeaseExpiry {

        @Test
        void lapsedLeaseWithoutACallGivesTheCustomerBack() {
            CustomerState claimed = aCustomerToRetry(NOW).claimedUntil(NOW).build();

            Transition.Applied transition = applied(claimed, new LeaseExpired());

            assertThat(transition.state()).isEqualTo(aCustomerToRetry(NOW).build());
            assertThat(transition.events()).containsExactly(new ClaimLapsed(false));
        }

        @Test
        void crashDuringACallClosesItAsANetworkErrorWithoutConsumingAnAttempt() {
            CustomerState onCall = aCustomerToRetry(NOW).afterUnansweredAttempts(2).onCallUntil(NOW.minusSeconds(1)).build();

            Transition.Applied transition = applied(onCall, new LeaseExpired());

            assertThat(transition.state().status()).isEqualTo(CustomerStatus.ERROR);
            assertThat(transition.state().cycleAttempts()).isEqualTo(2);
            assertThat(transition.state().lastResult()).contains(CallResult.NETWORK_ERROR);
            assertThat(transition.events()).containsExactly(new ClaimLapsed(true), new MarkedError(CallResult.NETWORK_ERROR, true));
        }

        @Test
        void holderAliveRenewsTheLeaseAndKeepsTheCallOpen() {
            CustomerState onCall = aNewCustomer().onCallUntil(LEASE).build();

            CustomerState renewed = applied(onCall, new LeaseRenewed(LEASE.plus(Duration.ofMinutes(5)))).state();

            assertThat(renewed.claim()).contains(new Claim(LEASE.plus(Duration.ofMinutes(5)), true));
        }

        @Test
        void lapsedLeaseIsNotRenewedButExpired() {
            CustomerState lapsed = aNewCustomer().onCallUntil(NOW).build();

            assertThat(rejectionOf(lapsed, new LeaseRenewed(LEASE))).contains("expired, not renewed");
            assertThat(rejectionOf(aNewCustomer().build(), new LeaseRenewed(LEASE))).contains("not claimed");
        }

        @Test
        void leaseThatRunsOnDoesNotExpire() {
            assertThat(rejectionOf(aNewCustomer().claimedUntil(LEASE).build(), new LeaseExpired())).contains("lease runs until");
            assertThat(rejectionOf(aNewCustomer().build(), new LeaseExpired())).contains("not claimed");
        }
    }

    @Test
    void rejectionThrownOnDemandNamesTheInputAndTheReason() {
        assertThatThrownBy(() -> when(aNewCustomer().build(), new Started()).orElseThrow())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Started rejected: only a paused customer");
    }
}
