package dev.outdial.bench.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.sim.Distribution;
import dev.outdial.engine.sim.scenario.Scenario;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.ObjectMapper;

class ScenarioFileTest {

    static final String EVERY_KEY = """
            {
              "name": "every-key",
              "seed": 11,
              "agents": 12,
              "customers": 3000,
              "duration": "PT2H",
              "maxAbandonRate": 0.025,
              "maxWaitSeconds": 12,
              "maxConcurrentCalls": 40,
              "maxCallsPerCustomer": 4,
              "retryGapMinutes": 45,
              "answerProbability": [{"from": "09:00", "probability": 0.35}, {"from": "PT1H", "probability": 0.12}],
              "busyProbability": 0.08,
              "noAnswerTimeoutSeconds": "PT20S",
              "ringSeconds": {"distribution": "lognormal", "median": 8, "sigma": 0.4},
              "talkSeconds": {"distribution": "exponential", "mean": "PT2M"},
              "wrapUpSeconds": {"distribution": "uniform", "min": 5, "max": "PT20S"},
              "patienceSeconds": {"distribution": "constant", "value": 30},
              "zone": "Asia/Kolkata"
            }""";

    @Test
    void readsEveryKeyOfIssue6() {
        Scenario scenario = parse(EVERY_KEY);

        assertThat(scenario).isEqualTo(new Scenario("every-key", 11, 12, 3000, Duration.ofHours(2), 0.025,
                Duration.ofSeconds(12), 40, 4, Duration.ofMinutes(45),
                List.of(new Scenario.AnswerStep(Duration.ZERO, 0.35), new Scenario.AnswerStep(Duration.ofHours(1), 0.12)),
                0.08, Duration.ofSeconds(20), Distribution.logNormal(Duration.ofSeconds(8), 0.4),
                Distribution.exponential(Duration.ofMinutes(2)),
                Distribution.uniform(Duration.ofSeconds(5), Duration.ofSeconds(20)),
                Distribution.constant(Duration.ofSeconds(30)), ZoneId.of("Asia/Kolkata")));
    }

    @Test
    void anAbsentKeyTakesItsDefaultAndTheNameComesFromTheFile() {
        Scenario scenario = ScenarioFile.parse(new ObjectMapper().readTree("{\"agents\": 5}"), "from-the-file");

        assertThat(scenario.name()).isEqualTo("from-the-file");
        assertThat(scenario.customers()).isEqualTo(2000);
        assertThat(scenario.duration()).isEqualTo(Duration.ofHours(8));
        assertThat(scenario.answerRates()).containsExactly(new Scenario.AnswerStep(Duration.ZERO, 0.3));
        assertThat(scenario.zone()).as("a scenario without a zone is a day in UTC").isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aZoneIsATimeZoneNameOrAnOffsetAndAnUnknownOneIsNamed() {
        assertThat(parse("{\"zone\": \"+05:45\"}").zone()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 45));
        assertThatThrownBy(() -> parse("{\"zone\": \"Asia/Bombay City\"}")).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("'zone'").hasMessageContaining("Asia/Bombay City");
        assertThatThrownBy(() -> parse("{\"zone\": 5.5}")).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("'zone' must be a string");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            "PT8H"     | 28800000
            "PT1M30S"  | 90000
            28800      | 28800000
            1.5        | 1500
            0          | 0
            """)
    void aDurationIsIso8601OrSeconds(String value, long millis) {
        assertThat(parse("{\"duration\": " + value + "}").duration()).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void anAnswerProbabilityIsANumberOrStepsFromAClockTimeOrADuration() {
        assertThat(parse("{\"answerProbability\": 0.2}").answerRates())
                .containsExactly(new Scenario.AnswerStep(Duration.ZERO, 0.2));
        assertThat(parse("""
                {"answerProbability": [{"from": "13:00", "probability": 0.12}, {"from": 18000, "probability": 0.1}]}
                """).answerRates()).as("a first step after the start holds from the start")
                .containsExactly(new Scenario.AnswerStep(Duration.ZERO, 0.12),
                        new Scenario.AnswerStep(Duration.ofHours(4), 0.12),
                        new Scenario.AnswerStep(Duration.ofHours(5), 0.1));
    }

    @Test
    void eachDistributionIsRead() {
        assertThat(parse("{\"talkSeconds\": {\"distribution\": \"constant\", \"value\": \"PT1M\"}}").talkTime())
                .isEqualTo(Distribution.constant(Duration.ofMinutes(1)));
        assertThat(parse("{\"talkSeconds\": {\"distribution\": \"exponential\", \"mean\": 90}}").talkTime())
                .isEqualTo(Distribution.exponential(Duration.ofSeconds(90)));
        assertThat(parse("{\"talkSeconds\": {\"distribution\": \"lognormal\", \"median\": 120, \"sigma\": 0.6}}")
                .talkTime()).isEqualTo(Distribution.logNormal(Duration.ofSeconds(120), 0.6));
        assertThat(parse("{\"talkSeconds\": {\"distribution\": \"uniform\", \"min\": 30, \"max\": 300}}").talkTime())
                .isEqualTo(Distribution.uniform(Duration.ofSeconds(30), Duration.ofMinutes(5)));
        assertThat(parse("{\"talkSeconds\": 45}").talkTime()).as("a bare duration is constant")
                .isEqualTo(Distribution.constant(Duration.ofSeconds(45)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"agent": 5}                                                   | unknown key 'agent'
            {"talkSeconds": {"distribution": "constant", "valu": 3}}        | unknown key 'talkSeconds.valu'
            {"answerProbability": [{"from": 0, "p": 0.3}]}                 | unknown key 'answerProbability[0].p'
            {"agents": 0}                                                  | 'agents' must be at least 1, was 0
            {"agents": 2.5}                                                | 'agents' must be a whole number
            {"seed": "seven"}                                              | 'seed' must be a whole number
            {"name": 3}                                                    | 'name' must be a string
            {"duration": "8 hours"}                                        | 'duration' must be seconds or an ISO-8601 duration
            {"duration": -5}                                               | 'duration' must be seconds or an ISO-8601 duration
            {"maxAbandonRate": 1.5}                                        | 'maxAbandonRate' must be between 0 and 1
            {"maxWaitSeconds": 0}                                          | 'maxWaitSeconds' must be more than 0
            {"busyProbability": "high"}                                    | 'busyProbability' must be a number
            {"answerProbability": 0.95}                                    | 'answerProbability' 0.95 and 'busyProbability' 0.1 add up to more than 1
            {"answerProbability": "often"}                                 | 'answerProbability' must be a number or a list
            {"answerProbability": []}                                      | 'answerProbability' must be a number or a list
            {"answerProbability": [{"from": 0}]}                           | 'answerProbability[0]' needs 'probability'
            {"answerProbability": [{"from": 60, "probability": 0.3}, {"from": 30, "probability": 0.2}]} | 'answerProbability[1].from' must come after the step before it
            {"answerProbability": [{"from": "25:00", "probability": 0.3}]} | 'answerProbability[0].from' is not a clock time
            {"retryGapMinutes": -1}                                        | 'retryGapMinutes' must be at least 0
            {"ringSeconds": {"distribution": "gamma", "k": 2}}             | 'ringSeconds.distribution' must be constant, exponential, lognormal or uniform, was 'gamma'
            {"ringSeconds": {"median": 8}}                                 | 'ringSeconds' needs 'distribution'
            {"ringSeconds": {"distribution": "lognormal", "median": 8}}    | 'ringSeconds' needs 'sigma'
            {"ringSeconds": {"distribution": "lognormal", "median": 8, "sigma": -1}} | 'ringSeconds': sigma must not be negative
            {"wrapUpSeconds": {"distribution": "uniform", "min": 20, "max": 5}} | 'wrapUpSeconds': max PT5S must not be below min PT20S
            {"patienceSeconds": {"distribution": "exponential", "mean": "soon"}} | 'patienceSeconds.mean' must be seconds or an ISO-8601 duration
            [1, 2]                                                         | a scenario is a JSON object
            """)
    void aBadScenarioNamesTheKeyAtFault(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(ScenarioException.class).hasMessageContaining(message);
    }

    private static Scenario parse(String json) {
        return ScenarioFile.parse(new ObjectMapper().readTree(json), "test");
    }
}
