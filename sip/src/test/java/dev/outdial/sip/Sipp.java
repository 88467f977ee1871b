package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInfo;

/**
 * One SIPp (sip-tester) process playing a scenario from {@code src/test/resources/sipp} on
 * 127.0.0.1: a carrier answering Outdial's INVITEs, or an agent's phone. Without sipp the SIPp tests
 * are skipped with a note, unless {@code OUTDIAL_REQUIRE_SIPP=1} (CI sets it), where a missing sipp
 * fails them. Always {@link #close}d by the test, which kills it if it still runs.
 */
final class Sipp implements AutoCloseable {

    private static final Path SIPP = Path.of(System.getenv().getOrDefault("OUTDIAL_SIPP", "/usr/bin/sipp"));
    /** How long a scenario may run at most before SIPp gives up on it (a bound, not an expectation). */
    private static final int SCENARIO_TIMEOUT_SECONDS = 30;

    private final Process process;
    private final Path log;
    private final Path errors;
    private final Path messages;
    private final String scenario;

    private Sipp(Process process, Path log, Path errors, Path messages, String scenario) {
        this.process = process;
        this.log = log;
        this.errors = errors;
        this.messages = messages;
        this.scenario = scenario;
    }

    static void requireSipp() {
        if (!Files.isExecutable(SIPP)) {
            if ("1".equals(System.getenv("OUTDIAL_REQUIRE_SIPP"))) {
                throw new IllegalStateException("SIPp is required for the SIP tests but " + SIPP
                        + " is missing (apt-get install sip-tester)");
            }
            Assumptions.abort("SIP tests need SIPp at " + SIPP + " (apt-get install sip-tester)");
        }
    }

    /** Where a test's scenarios and SIPp's logs of them are kept, to read after a failure: target/sipp/<test>. */
    static Path workDir(TestInfo test) {
        String name = test.getTestClass().map(Class::getSimpleName).orElse("sipp") + "-"
                + test.getDisplayName().replaceAll("[^A-Za-z0-9]+", "_");
        try {
            return Files.createDirectories(Path.of("target", "sipp", name.length() > 120 ? name.substring(0, 120) : name))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts SIPp in server mode on {@code port}, playing {@code scenario} once; {@code replace}
     * fills the scenario's {@code @NAME@} placeholders (SIPp cannot take a status code from a variable).
     */
    static Sipp serve(String scenario, int port, Map<String, String> replace, Path workDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("-i", "127.0.0.1", "-p", String.valueOf(port), "-m", "1"));
        args.addAll(List.of(extra));
        Sipp sipp = run(scenario, replace, workDir, args);
        sipp.awaitListening(port);
        return sipp;
    }

    /** Starts SIPp as a client of {@code target} (host:port), playing {@code scenario} once. */
    static Sipp call(String scenario, String target, int port, Map<String, String> replace, Path workDir,
                     String... extra) {
        List<String> args = new ArrayList<>(List.of(target, "-i", "127.0.0.1", "-p", String.valueOf(port), "-m", "1"));
        args.addAll(List.of(extra));
        return run(scenario, replace, workDir, args);
    }

    private static Sipp run(String scenario, Map<String, String> replace, Path workDir, List<String> args) {
        requireSipp();
        try {
            Path file = workDir.resolve(scenario);
            String text = resource(scenario);
            for (Map.Entry<String, String> entry : replace.entrySet()) {
                text = text.replace("@" + entry.getKey() + "@", entry.getValue());
            }
            Files.writeString(file, text, StandardCharsets.ISO_8859_1);
            Path log = workDir.resolve(scenario + ".out");
            Path errors = workDir.resolve(scenario + ".errors");
            Path messages = workDir.resolve(scenario + ".messages");
            List<String> command = new ArrayList<>(List.of(SIPP.toString(), "-sf", file.toString(), "-nostdin",
                    "-trace_err", "-error_file", errors.toString(), "-trace_msg", "-message_file", messages.toString(),
                    "-timeout", SCENARIO_TIMEOUT_SECONDS + "s", "-timeout_error", "-nd"));
            command.addAll(args);
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Sipp(process, log, errors, messages, scenario);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String scenario) throws IOException {
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario sipp/" + scenario);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Waits until SIPp holds its UDP port, so nothing is sent before it can hear it; read from the
     * kernel's socket table, since a probe that bound the port itself would take it from SIPp.
     */
    private void awaitListening(int port) {
        String local = String.format(":%04X ", port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
                    Path file = Path.of(table);
                    if (Files.exists(file) && Files.readAllLines(file).stream()
                            .anyMatch(line -> line.trim().split("\\s+").length > 1
                                    && (line.trim().split("\\s+")[1] + " ").endsWith(local))) {
                        return;
                    }
                }
                Thread.sleep(10);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("SIPp " + scenario + " did not start listening on " + port + ":\n" + report());
    }

    /** Waits for SIPp to end its scenario and asserts every step of it went as written (exit code 0). */
    void assertPassed() {
        try {
            boolean ended = process.waitFor(SCENARIO_TIMEOUT_SECONDS + 10, TimeUnit.SECONDS);
            assertThat(ended).as("SIPp %s ended", scenario).isTrue();
            assertThat(process.exitValue()).as("SIPp %s exit code; its errors:%n%s", scenario, report()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String report() {
        StringBuilder text = new StringBuilder();
        for (Path file : List.of(errors, messages, log)) {
            try {
                if (Files.exists(file)) {
                    String content = Files.readString(file, StandardCharsets.ISO_8859_1);
                    text.append(content, Math.max(0, content.length() - 4000), content.length()).append('\n');
                }
            } catch (IOException e) {
                text.append(e).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
