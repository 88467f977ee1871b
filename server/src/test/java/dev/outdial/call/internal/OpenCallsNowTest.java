package dev.outdial.call.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.call.LiveCalls;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Issue 18: an open call's steps reach its record a second late, so what the call records show of
 * an open call is the engine's word first, the record's after; an ended record is never overridden,
 * and another business's call never shows.
 */
class OpenCallsNowTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final AgentId ALICE = AgentId.of("7");

    final List<CallRecord> engine = new ArrayList<>();
    final OpenCallsNow now = new OpenCallsNow(new StaticListableBeanFactory(Map.of("live", new LiveCalls() {
        @Override
        public Optional<CallRecord> open(long campaignId, CallId call) {
            return engine.stream().filter(live -> live.campaignId() == campaignId && live.id().equals(call)).findFirst();
        }

        @Override
        public List<CallRecord> openOf(long campaignId) {
            return engine.stream().filter(live -> live.campaignId() == campaignId).toList();
        }

        @Override
        public boolean runs(long campaignId) {
            return campaignId == RUN_HERE;
        }
    })).getBeanProvider(LiveCalls.class));

    /** The campaign the engine runs on this node; campaign 1, the others' calls, runs elsewhere. */
    static final long RUN_HERE = 5;
    static final Function<Collection<String>, List<CallRecord>> NOT_READ = ids -> {
        throw new AssertionError("read again: " + ids);
    };

    static CallRecord placed(String name, long businessId, int secondsAfterNine) {
        Instant at = NINE.plusSeconds(secondsAfterNine);
        return CallRecord.dialing(new CallId(name), businessId, 1, secondsAfterNine, "+84900000001", "+84280000000",
                Optional.empty(), at, at);
    }

    @Test
    void anOpenCallIsTheEnginesWordAndAnEndedOneItsRecord() {
        CallRecord recorded = placed("a", 1, 0);
        CallRecord talking = recorded.ringing(NINE.plusMillis(100)).answered(NINE.plusMillis(600))
                .connected(ALICE, NINE.plusMillis(700));
        engine.add(talking);

        assertThat(now.current(recorded, Optional::empty)).isEqualTo(talking);
        assertThat(now.phase(1, 1, "a", CallRecord.Phase.DIALING)).isEqualTo(CallRecord.Phase.TALKING);
        CallRecord endedOnRecord = recorded.ended(NINE.plusSeconds(1), CallResult.NOANSWER);
        assertThat(now.current(endedOnRecord, Optional::empty)).as("the end is written with the whole record").isEqualTo(endedOnRecord);
        assertThat(now.current(placed("b", 1, 1), () -> Optional.of(placed("b", 1, 1))))
                .as("a call the engine does not run here").isEqualTo(placed("b", 1, 1));
    }

    /**
     * The record was read open just before the call's end committed, and the engine let the call go
     * just after: the record read again is the ended one, with the agent who took the call over, not
     * the first read's (who would be told the call is not theirs).
     */
    @Test
    void anOpenRecordTheEngineNoLongerKnowsIsReadAgain() {
        CallRecord readBeforeTheEnd = placed("a", 1, 0).assignedTo(ALICE);
        CallRecord endedWithBob = placed("a", 1, 0).assignedTo(AgentId.of("8")).ended(NINE.plusSeconds(9), CallResult.SUCCESS);

        assertThat(now.current(readBeforeTheEnd, () -> Optional.of(endedWithBob))).isEqualTo(endedWithBob);
        assertThat(now.current(readBeforeTheEnd, Optional::empty)).as("gone since: what was read")
                .isEqualTo(readBeforeTheEnd);
    }

    @Test
    void anotherBusinesssCallOfTheSameNameNeverShows() {
        engine.add(placed("a", 2, 0).ringing(NINE.plusMillis(100)));

        assertThat(now.current(placed("a", 1, 0), Optional::empty).ringingAt()).isEmpty();
        assertThat(now.phase(1, 1, "a", CallRecord.Phase.DIALING)).isEqualTo(CallRecord.Phase.DIALING);
        assertThat(now.listed(1, 1, List.of(), call -> true, 10, NOT_READ)).isEmpty();
    }

    @Test
    void anAgentsListHasTheCallTheyWereJustRungForAndNotOneTakenFromThem() {
        CallRecord rungNotSaved = placed("rung", 1, 2);
        CallRecord takenNotSaved = placed("taken", 1, 1).assignedTo(ALICE);
        CallRecord older = placed("older", 1, 0).assignedTo(ALICE).ended(NINE.plusSeconds(1), CallResult.SUCCESS);
        engine.add(rungNotSaved.ringing(NINE.plusSeconds(2)).answered(NINE.plusSeconds(3)).assignedTo(ALICE));
        engine.add(takenNotSaved.unassigned());
        List<CallRecord> alicesRecords = List.of(takenNotSaved, older);

        List<CallRecord> listed = now.listed(1, 1, alicesRecords,
                call -> call.agent().filter(ALICE::equals).isPresent(), 10, NOT_READ);

        assertThat(listed).extracting(call -> call.id().value()).containsExactly("rung", "older");
        assertThat(listed.getFirst().phase()).isEqualTo(CallRecord.Phase.WAITING_FOR_AGENT);
        assertThat(now.listed(1, 1, alicesRecords, call -> true, 1, NOT_READ)).as("newest first, as many as asked")
                .extracting(call -> call.id().value()).containsExactly("rung");
    }

    /**
     * Alice's list read her call open just before its end committed, the agent having been Bob's since;
     * the engine that runs the campaign here has let it go: read again, it is Bob's and ended, and off her
     * list. Where the campaign runs elsewhere nothing is read again (every open call is unknown here).
     */
    @Test
    void anOpenRecordOfACampaignRunHereThatTheEngineLetGoIsReadAgainForTheList() {
        CallRecord readBeforeTheEnd = CallRecord.dialing(new CallId("a"), 1, RUN_HERE, 1, "+84900000001",
                "+84280000000", Optional.empty(), NINE, NINE).assignedTo(ALICE);
        CallRecord endedWithBob = readBeforeTheEnd.assignedTo(AgentId.of("8")).ended(NINE.plusSeconds(9), CallResult.SUCCESS);
        List<Collection<String>> readAgain = new ArrayList<>();

        List<CallRecord> alicesList = now.listed(1, RUN_HERE, List.of(readBeforeTheEnd),
                call -> call.agent().filter(ALICE::equals).isPresent(), 10, ids -> {
                    readAgain.add(List.copyOf(ids));
                    return List.of(endedWithBob);
                });

        assertThat(readAgain).containsExactly(List.of("a"));
        assertThat(alicesList).isEmpty();
        CallRecord elsewhere = placed("b", 1, 0).assignedTo(ALICE);
        assertThat(now.listed(1, 1, List.of(elsewhere), call -> true, 10, NOT_READ)).containsExactly(elsewhere);
    }
}
