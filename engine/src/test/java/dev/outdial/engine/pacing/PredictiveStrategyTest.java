package dev.outdial.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.call.Connector;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's safe start, in the strategy's own state so that the live server (which keeps a
 * campaign's strategy across a pause) gets it too: a campaign's first round dials as progressive
 * would, the ratio is earned from outcomes, and a campaign back from a pause starts safe again.
 */
class PredictiveStrategyTest {

    static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    static final List<AgentId> TEAM = IntStream.range(0, 10).mapToObj(i -> AgentId.of("agent-" + i)).toList();
    static final Connector ROOM = call -> {
    };

    @Test
    void aNewCampaignDialsOneCallPerFreeAgentAsProgressiveWould() {
        PredictiveStrategy strategy = new PredictiveStrategy(new PredictiveSettings(0.03, Duration.ofSeconds(15)));

        assertThat(strategy.plan(allFree(NINE))).hasSize(TEAM.size());
    }

    @Test
    void anHourAtOneAnswerInFiveEarnsARatioThatAPauseGivesBack() {
        PredictiveStrategy working = anHourAtOneAnswerInFive();
        PredictiveStrategy paused = anHourAtOneAnswerInFive();

        int goingOn = working.plan(allFree(NINE.plusSeconds(3610))).size();
        int afterPause = paused.plan(allFree(NINE.plusSeconds(3600 + 1800))).size();

        assertThat(goingOn).as("calls for 10 free agents after an hour at 20 %%").isGreaterThan(2 * TEAM.size());
        assertThat(2 * afterPause).as("the same, back from a 30-minute pause, twice").isLessThan(goingOn);
    }

    /** A dial every 2 s for an hour, one in five answered by a person after 8 s and talking 100 s. */
    private static PredictiveStrategy anHourAtOneAnswerInFive() {
        PredictiveStrategy strategy = new PredictiveStrategy(new PredictiveSettings(0.03, Duration.ofSeconds(15)));
        for (int i = 0; i < 1800; i++) {
            Instant dialed = NINE.plusSeconds(2L * i);
            CallId id = new CallId("c" + i);
            if (i % 5 == 0) {
                AgentId agent = TEAM.get(i / 5 % TEAM.size());
                Instant answered = dialed.plusSeconds(8);
                strategy.observe(call(id, dialed, Optional.of(agent), Optional.of(answered), Optional.empty(), Optional.empty()));
                strategy.observe(call(id, dialed, Optional.of(agent), Optional.of(answered),
                        Optional.of(answered.plusSeconds(100)), Optional.of(CallResult.SUCCESS)));
            } else {
                strategy.observe(call(id, dialed, Optional.empty(), Optional.empty(), Optional.of(dialed.plusSeconds(20)),
                        Optional.of(CallResult.NOANSWER)));
            }
            if (i % 30 == 0) {
                strategy.plan(new PacingView(dialed, List.of(), 0, 0, TEAM, 0, ROOM));
            }
        }
        return strategy;
    }

    private static CallRecord call(CallId id, Instant dialed, Optional<AgentId> agent, Optional<Instant> answered,
                                   Optional<Instant> ended, Optional<CallResult> result) {
        return new CallRecord(id, 1, 1, 1, "0900000000", "1900", agent, dialed, dialed, Optional.of(dialed), answered,
                answered, ended, result, Optional.empty(), Optional.empty());
    }

    private static PacingView allFree(Instant now) {
        return new PacingView(now, TEAM, 100, 0, TEAM, 0, ROOM);
    }
}
