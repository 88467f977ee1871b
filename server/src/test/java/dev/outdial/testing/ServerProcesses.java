package dev.outdial.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Servers in processes of their own, on the test's classpath, for what one JVM cannot show: a node
 * killed (SIGKILL), frozen (SIGSTOP, as a long GC or a paused VM freezes it) or started again. Each
 * writes its log into {@code logs}; {@link #close()} kills whatever is left.
 */
public final class ServerProcesses implements AutoCloseable {

    /** A server process starts in seconds; on a loaded machine, give it time. */
    private static final Duration STARTUP = Duration.ofMinutes(3);

    /** A started server: its process, port and log. */
    public record Server(Process process, int port, Path log) {

        public Api api() {
            return Api.at("http://localhost:" + port);
        }

        /** SIGSTOP: the process stops dead, threads and timers alike, until {@link #thaw()}. */
        public void freeze() throws IOException, InterruptedException {
            signal("-STOP");
        }

        public void thaw() throws IOException, InterruptedException {
            signal("-CONT");
        }

        public void kill() throws InterruptedException {
            process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
        }

        /** SIGTERM, as an operator stops a node: it shuts down cleanly. */
        public void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
            }
        }

        private void signal(String signal) throws IOException, InterruptedException {
            int exit = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " exited with " + exit);
            }
        }
    }

    private final Path logs;
    private final List<Server> started = new ArrayList<>();

    public ServerProcesses(Path logs) {
        this.logs = logs;
    }

    /**
     * Starts a server on {@code port} with the test operator, the environment given (e.g. the
     * database's {@code OUTDIAL_DB_URL}) and {@code arguments}, and waits until it is healthy.
     */
    public Server start(int port, Map<String, String> environment, List<String> arguments)
            throws IOException, InterruptedException {
        Path log = logs.resolve("server-" + started.size() + ".log");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.outdial.OutdialApplication",
                "--server.port=" + port,
                "--outdial.operator.password=" + Api.OPERATOR_PASSWORD,
                "--outdial.security.bcrypt-strength=4",
                "--logging.level.dev.outdial=info"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Server server = new Server(builder.start(), port, log);
        started.add(server);
        awaitHealthy(server);
        return server;
    }

    /** What a command run to its end printed, and its exit status. */
    public record Run(int exitCode, String output) {
    }

    /**
     * Runs the server's main class as a command (e.g. the {@code audit} profile) with {@code arguments}
     * and waits for it to exit: its exit status and what it printed on standard output.
     */
    public Run run(Map<String, String> environment, List<String> arguments) throws IOException, InterruptedException {
        Path output = logs.resolve("command-" + System.nanoTime() + ".out");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.outdial.OutdialApplication"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(logs.resolve("command-" + System.nanoTime() + ".err").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(STARTUP.toMinutes(), TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end within " + STARTUP + ":\n" + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output));
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Server server : started) {
            // A frozen process ignores SIGTERM until it runs again; SIGKILL ends it either way.
            server.process().destroyForcibly();
        }
    }

    private static void awaitHealthy(Server server) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        try {
            Await.until(() -> healthy(http, server), Boolean::booleanValue, "the server on port " + server.port()
                    + " to start", STARTUP);
        } catch (AssertionError notStarted) {
            if (!server.process().isAlive()) {
                throw notStarted; // its log is in the message already
            }
            throw new AssertionError(notStarted.getMessage() + ":\n" + Files.readString(server.log()), notStarted);
        }
    }

    private static boolean healthy(HttpClient http, Server server) {
        if (!server.process().isAlive()) {
            String log;
            try {
                log = Files.readString(server.log());
            } catch (IOException unreadable) {
                log = "(log unreadable: " + unreadable + ")";
            }
            throw new AssertionError("the server died while starting:\n" + log);
        }
        try {
            URI health = URI.create("http://localhost:" + server.port() + "/actuator/health");
            return http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false; // not listening yet
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }
}
