package dev.outdial.bench.sip;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.sip.AgentLines;
import dev.outdial.sip.PhoneBook;
import dev.outdial.sip.SipTelephony;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Agents' phones for the SIP benchmark: each registers with SIPp (agent-register.xml) and answers
 * its nailed-up line with SIPp (agent-answer.xml), whose SDP points at an RTP socket of this
 * driver. When a customer is bridged to the line, the first packet that arrives with the marker bit
 * (the engine marks where relayed audio starts in the line's stream) is the customer's audio:
 * its arrival, less the customer's answer, is the connect latency.
 */
final class BenchAgents implements AutoCloseable {

    static final String REALM = "outdial-bench";
    private static final String PASSWORD = "bench-secret";
    private static final int FIRST_SIP_PORT = 18240;
    private static final int FIRST_REGISTER_PORT = 18250;
    private static final int FIRST_RTP_PORT = 18220;

    private final List<Agent> agents = new ArrayList<>();
    private final ConcurrentLinkedQueue<Agent> free = new ConcurrentLinkedQueue<>();
    private final List<Process> phones = new ArrayList<>();
    private final Histogram connect = new Histogram();
    private final Path scenarios;

    final class Agent {
        final AgentId id;
        final String username;
        final int index;
        final DatagramChannel rtp;
        private volatile long armedAt;

        Agent(int index) throws IOException {
            this.index = index;
            this.username = "agent" + index;
            this.id = new AgentId("bench-agent-" + index);
            this.rtp = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", FIRST_RTP_PORT + 2 * index));
            Thread.ofPlatform().daemon().name("agent-rtp-" + index).start(this::listen);
        }

        /** The customer answered at {@code nanos}: time the first relayed packet from now. */
        void arm(long nanos) {
            armedAt = nanos;
        }

        private void listen() {
            ByteBuffer buffer = ByteBuffer.allocate(2048);
            while (rtp.isOpen()) {
                try {
                    buffer.clear();
                    rtp.receive(buffer);
                    long now = System.nanoTime();
                    boolean marker = buffer.position() > 1 && (buffer.get(1) & 0x80) != 0;
                    long armed = armedAt;
                    if (marker && armed != 0) {
                        armedAt = 0;
                        connect.add(now - armed);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    BenchAgents(int count, Path scenarios) throws IOException {
        this.scenarios = scenarios;
        for (int i = 0; i < count; i++) {
            agents.add(new Agent(i));
        }
    }

    PhoneBook phoneBook() {
        return username -> agents.stream().filter(agent -> agent.username.equals(username)).findFirst()
                .map(agent -> new PhoneBook.PhoneAccount(agent.id, agent.username, ha1(agent.username)));
    }

    /** Starts each agent's phone, registers it and nails its line up; fails when a line is not up in 15 s. */
    void start(SipTelephony telephony, int adapterSipPort) throws IOException, InterruptedException {
        for (Agent agent : agents) {
            phones.add(sipp(scenario("agent-answer.xml", agent), "-p", String.valueOf(FIRST_SIP_PORT + agent.index)));
        }
        Thread.sleep(500);
        for (Agent agent : agents) {
            Process register = sipp(scenario("agent-register.xml", agent), "127.0.0.1:" + adapterSipPort, "-m", "1",
                    "-p", String.valueOf(FIRST_REGISTER_PORT + agent.index));
            if (!register.waitFor(15, TimeUnit.SECONDS) || register.exitValue() != 0) {
                throw new IllegalStateException(agent.username + " could not register (SIPp exit "
                        + (register.isAlive() ? "timeout" : register.exitValue()) + ")");
            }
            telephony.agentLines().nailUp(agent.id);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (Agent agent : agents) {
            while (telephony.agentLines().state(agent.id) != AgentLines.LineState.UP) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(agent.username + "'s line is not up");
                }
                Thread.sleep(20);
            }
            free.add(agent);
        }
    }

    Optional<Agent> take() {
        return Optional.ofNullable(free.poll());
    }

    void giveBack(Agent agent) {
        free.add(agent);
    }

    Histogram connect() {
        return connect;
    }

    int count() {
        return agents.size();
    }

    /** The scenario with the agent's values written in (SIPp does not expand its keys inside [authentication]). */
    private Path scenario(String name, Agent agent) throws IOException {
        String text = Files.readString(scenarios.resolve(name), StandardCharsets.ISO_8859_1)
                .replace("[user]", agent.username).replace("[password]", PASSWORD)
                .replace("[contact_port]", String.valueOf(FIRST_SIP_PORT + agent.index))
                .replace("[rtp_port]", String.valueOf(FIRST_RTP_PORT + 2 * agent.index));
        Path written = Files.createTempFile(agent.username + "-", ".xml");
        written.toFile().deleteOnExit();
        return Files.writeString(written, text, StandardCharsets.ISO_8859_1);
    }

    private Process sipp(Path scenario, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenario.toString(),
                "-i", "127.0.0.1", "-nostdin"));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String ha1(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((username + ":" + REALM + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        phones.forEach(Process::destroy);
        for (Agent agent : agents) {
            agent.rtp.close();
        }
    }
}
