package dev.outdial.engine.sim.scenario;

import dev.outdial.engine.pacing.DialStrategy;
import dev.outdial.engine.pacing.PredictiveSettings;
import dev.outdial.engine.pacing.PredictiveStrategy;
import dev.outdial.engine.pacing.ProgressiveStrategy;
import java.time.Duration;
import java.util.function.Function;

/** The strategies the simulator compares, by the names the command line uses. */
public final class StrategyChoice {

    public static final String NAMES = "predictive, progressive, fixed:R, adaptive-baseline, oracle";

    private StrategyChoice() {
    }

    /** The strategy named, for a campaign of {@code scenario}; unknown names are refused with the list. */
    public static Function<Scenario, DialStrategy> named(String name) {
        if (name.startsWith("fixed:")) {
            double ratio = parseRatio(name.substring("fixed:".length()));
            return scenario -> new FixedRatioStrategy(ratio, scenario.maxWait());
        }
        return switch (name) {
            case "predictive" -> scenario -> new PredictiveStrategy(
                    new PredictiveSettings(scenario.maxAbandonRate(), scenario.maxWait(), scenario.zone()));
            case "progressive" -> scenario -> new ProgressiveStrategy(Duration.ofSeconds(30));
            case "adaptive-baseline" -> scenario -> new AdaptiveBaselineStrategy(scenario.maxAbandonRate(),
                    scenario.maxWait());
            // It needs the day's pre-drawn calls, so ScenarioRunner builds it itself.
            case "oracle" -> throw new IllegalArgumentException("the oracle knows a simulated day's calls in advance: "
                    + "it runs in ScenarioRunner only");
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "'; use " + NAMES);
        };
    }

    private static double parseRatio(String ratio) {
        try {
            double value = Double.parseDouble(ratio);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Named below.
        }
        throw new IllegalArgumentException("fixed:R needs a ratio R of at least 1, was '" + ratio + "'");
    }
}
