package dev.outdial.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIPp (3.6) run as a carrier or an agent's phone, from a scenario under {@code src/test/resources/sipp}.
 * Without SIPp the tests that need it are skipped with a note, unless {@code OUTDIAL_REQUIRE_SIPP=1}
 * (CI sets it), where a missing SIPp fails them. Its screen goes to a log under {@code target/sipp}.
 */
public final class Sipp implements AutoCloseable {

    private static final Path SIPP = Path.of(System.getenv().getOrDefault("OUTDIAL_SIPP", "/usr/bin/sipp"));
    private static final ExternalTool TOOL = new ExternalTool("SIPp", SIPP, "the real-call tests",
            "OUTDIAL_REQUIRE_SIPP", "apt-get install sip-tester");

    private final Process process;
    private final Path log;

    private Sipp(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Skips the test when SIPp is absent, or fails it where it is required. */
    public static void require() {
        TOOL.require();
    }

    /** Runs {@code scenario} (a file under sipp/) with SIPp's other arguments. */
    public static Sipp run(String scenario, String... arguments) {
        require();
        try {
            Path scenarioFile = Path.of(Sipp.class.getResource("/sipp/" + scenario).toURI());
            Path logs = Files.createDirectories(Path.of("target", "sipp"));
            Path log = logs.resolve(scenario.replace(".xml", "") + "-" + System.nanoTime() + ".log");
            List<String> command = new ArrayList<>(List.of(SIPP.toString(), "-sf", scenarioFile.toString(), "-nostdin"));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Sipp(process, log);
        } catch (IOException | URISyntaxException cannotStart) {
            throw new IllegalStateException("cannot start SIPp with " + scenario, cannotStart);
        }
    }

    /** Waits for SIPp to end on its own and answers its exit code (0: every call passed). */
    public int awaitExit(Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("SIPp still runs after " + patience + "; its screen: " + screen());
            }
            return process.exitValue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** What SIPp printed so far, for failure messages. */
    public String screen() {
        try {
            return Files.readString(log);
        } catch (IOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        ExternalTool.stop(process);
    }
}
