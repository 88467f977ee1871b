package dev.outdial.bench.pacing;

/** A scenario file that cannot be run, with the key at fault: the simulator exits with code 2. */
final class ScenarioException extends RuntimeException {

    ScenarioException(String message) {
        super(message);
    }
}
