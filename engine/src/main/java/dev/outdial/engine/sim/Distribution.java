package dev.outdial.engine.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How long something takes in a simulation (ringing, talking, wrap-up), drawn from a seeded
 * {@link Random}: {@code constant}, {@code exponential}, {@code lognormal} or {@code uniform}, the
 * shapes scenario files name (issue 6).
 */
public sealed interface Distribution {

    Duration sample(Random random);

    static Distribution constant(Duration value) {
        return new Constant(value);
    }

    static Distribution exponential(Duration mean) {
        return new Exponential(mean);
    }

    /** Call durations are skewed to the right: most calls short, a few long. */
    static Distribution logNormal(Duration median, double sigma) {
        return new LogNormal(median, sigma);
    }

    static Distribution uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    record Constant(Duration value) implements Distribution {
        public Constant {
            requireNotNegative(value, "value");
        }

        @Override
        public Duration sample(Random random) {
            return value;
        }
    }

    record Exponential(Duration mean) implements Distribution {
        public Exponential {
            requireNotNegative(mean, "mean");
        }

        @Override
        public Duration sample(Random random) {
            return millis(-Math.log(1 - random.nextDouble()) * mean.toMillis());
        }
    }

    /** {@code median · e^(sigma · N(0, 1))}. */
    record LogNormal(Duration median, double sigma) implements Distribution {
        public LogNormal {
            requireNotNegative(median, "median");
            if (!(sigma >= 0)) {
                throw new IllegalArgumentException("sigma must not be negative, was " + sigma);
            }
        }

        @Override
        public Duration sample(Random random) {
            return millis(median.toMillis() * Math.exp(sigma * random.nextGaussian()));
        }
    }

    record Uniform(Duration min, Duration max) implements Distribution {
        public Uniform {
            requireNotNegative(min, "min");
            requireNotNegative(max, "max");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max " + max + " must not be below min " + min);
            }
        }

        @Override
        public Duration sample(Random random) {
            return millis(min.toMillis() + random.nextDouble() * (max.toMillis() - min.toMillis()));
        }
    }

    private static Duration millis(double millis) {
        return Duration.ofMillis(Math.round(millis));
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
    }
}
