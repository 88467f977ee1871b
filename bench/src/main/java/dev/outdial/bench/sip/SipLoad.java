package dev.outdial.bench.sip;

import dev.outdial.bench.BenchOptions;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.sip.AddressBlock;
import dev.outdial.sip.SipSettings;
import dev.outdial.sip.TrunkNumbers;
import dev.outdial.sip.media.MediaEngine;
import dev.outdial.sip.SipTelephony;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SIP half of issue 12's load benchmark: {@link SipTelephony} places calls to SIPp playing the
 * carrier (bench/sipp/carrier.xml, answering with audio) at rising rates, holds each answered
 * customer leg (anchored media: SIPp's audio in, silence out) for {@code --hold} seconds, then hangs
 * up. Per rate it prints the calls placed, answered and failed, the legs held at once, the media
 * engine's CPU, and {@code place()} → Answered; with SIPp's message trace ({@code --sipp-trace}),
 * {@code place()} → INVITE at the carrier, matched by the number called. With {@code --agents N},
 * N agents' phones (SIPp) register and keep nailed-up lines; each answered customer is put through
 * to a free one, and the driver times the customer's audio arriving at the agent's phone.
 *
 * <pre>SipLoad --rates 10,25,50 --seconds 5 --hold 3 --sip-port 18270 --trunk-port 18280 [--sipp-trace FILE] [--agents 4]</pre>
 */
public final class SipLoad {

    public static void main(String[] args) throws Exception {
        int[] rates = {10, 25, 50, 75, 100};
        int seconds = 5;
        int hold = 3;
        int sipPort = 18270;
        int trunkPort = 18280;
        Path trace = null;
        int agentCount = 0;
        Path scenarios = Path.of("bench", "sipp");
        for (int i = 0; i < args.length; i += 2) {
            String value = BenchOptions.valueOf(args, i);
            switch (args[i]) {
                case "--rates" -> rates = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--hold" -> hold = Integer.parseInt(value);
                case "--sip-port" -> sipPort = Integer.parseInt(value);
                case "--trunk-port" -> trunkPort = Integer.parseInt(value);
                case "--sipp-trace" -> trace = Path.of(value);
                case "--agents" -> agentCount = Integer.parseInt(value);
                case "--scenarios" -> scenarios = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SipSettings settings = new SipSettings(new InetSocketAddress("127.0.0.1", sipPort), "127.0.0.1", 61000, 62998,
                new InetSocketAddress("127.0.0.1", trunkPort), SipSettings.Transport.UDP, Optional.empty(),
                Optional.empty(), "127.0.0.1", BenchAgents.REALM, Duration.ofSeconds(30),
                List.of(AddressBlock.parse("127.0.0.1")), Optional.empty(), TrunkNumbers.E164,
                Optional.of(SipSettings.DEFAULT_MEDIA_TIMEOUT), Optional.empty(), Optional.empty(),
                SipSettings.Srtp.WHERE_OFFERED, Optional.empty(), MediaEngine.REPORT_INTERVAL);
        Map<String, Instant> placedAt = new ConcurrentHashMap<>();
        System.out.println("| calls/s | placed | answered | failed (reasons) | legs held at once (max) | media engine CPU (% of one core) | place() → Answered p50 / p99 (ms) | answered → customer audio at an agent p50 / p99 (ms, calls) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        try (BenchAgents agents = new BenchAgents(agentCount, scenarios);
             SipTelephony telephony = new SipTelephony(settings, agents.phoneBook(), uri -> Optional.empty())) {
            telephony.start();
            agents.start(telephony, sipPort);
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
            int numbered = 0;
            for (int rate : rates) {
                System.out.println(step(telephony, agents, clock, rate, seconds, hold, numbered, placedAt));
                numbered += rate * seconds;
            }
            clock.shutdownNow();
        }
        if (trace != null) {
            printInviteLatency(trace, placedAt);
        }
        System.exit(0); // the SIP stack leaves threads that would keep the JVM up
    }

    private static String step(SipTelephony telephony, BenchAgents agents, ScheduledExecutorService clock, int rate,
                               int seconds, int hold, int firstNumber, Map<String, Instant> placedAt)
            throws InterruptedException {
        agents.connect().clear();
        int calls = rate * seconds;
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        AtomicInteger held = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Histogram toAnswer = new Histogram();
        long cpuBefore = MediaThreads.cpuNanos();
        long wallBefore = System.nanoTime();
        long periodNanos = 1_000_000_000L / rate;
        for (int i = 0; i < calls; i++) {
            String number = "+8490%07d".formatted(firstNumber + i);
            long due = wallBefore + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long placed = System.nanoTime();
            placedAt.put(number, Instant.now());
            CallId id = new CallId("load-" + number);
            telephony.place(id, "+842800000000", number, Duration.ofSeconds(10), event -> {
                switch (event) {
                    case CallEvent.Answered a -> {
                        long answeredAt = System.nanoTime();
                        toAnswer.add(answeredAt - placed);
                        answered.incrementAndGet();
                        mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
                        Optional<BenchAgents.Agent> agent = agents.take();
                        CallId agentCall = agent.map(free -> connect(telephony, free, a.call(), answeredAt)).orElse(null);
                        clock.schedule(() -> {
                            telephony.hangUp(a.call());
                            if (agentCall != null) {
                                telephony.hangUp(agentCall);
                                agents.giveBack(agent.get());
                            }
                        }, hold, TimeUnit.SECONDS);
                    }
                    case CallEvent.Failed f -> {
                        failures.merge(f.reason().name(), 1, Integer::sum);
                        ended.incrementAndGet();
                    }
                    case CallEvent.HungUp h -> {
                        held.decrementAndGet();
                        ended.incrementAndGet();
                        if (h.byFarEnd()) {
                            failures.merge("HUNG_UP_BY_CARRIER", 1, Integer::sum);
                        }
                    }
                    default -> { }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(hold + 15);
        while (ended.get() < calls && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long cpu = MediaThreads.cpuNanos() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        int failed = failures.values().stream().mapToInt(Integer::intValue).sum() + (calls - ended.get());
        String reasons = failures.isEmpty() && ended.get() == calls ? "0"
                : failed + " " + failures + (ended.get() < calls ? " unfinished " + (calls - ended.get()) : "");
        Histogram connect = agents.connect();
        return String.format(Locale.ROOT, "| %d | %d | %d | %s | %d | %.1f | %.1f / %.1f | %.1f / %.1f (%d) |", rate, calls,
                answered.get(), reasons, mostHeld.get(), 100.0 * cpu / wall, toAnswer.percentileMillis(0.5),
                toAnswer.percentileMillis(0.99), connect.percentileMillis(0.5), connect.percentileMillis(0.99), connect.count());
    }

    /** Puts the answered customer through to the agent's nailed-up line, as the engine does. */
    private static CallId connect(SipTelephony telephony, BenchAgents.Agent agent, CallId customer, long answeredAt) {
        agent.arm(answeredAt);
        return telephony.ringAgent(agent.id, Duration.ofSeconds(5), event -> {
            if (event instanceof CallEvent.Answered onLine) {
                telephony.bridge(customer, onLine.call());
            }
        });
    }

    /** SIPp's message trace: a dated separator line before each message, then its first line. */
    private static void printInviteLatency(Path trace, Map<String, Instant> placedAt) throws IOException {
        Histogram toInvite = new Histogram();
        List<String> lines = Files.readAllLines(trace);
        String stamp = null;
        for (String line : lines) {
            if (line.startsWith("----------------------------------------------- ")) {
                stamp = line.substring(48).trim();
            } else if (line.startsWith("INVITE sip:") && stamp != null) {
                String number = line.substring("INVITE sip:".length(), line.indexOf('@'));
                Instant placed = placedAt.get(number);
                Instant received = SippTrace.parse(stamp);
                if (placed != null && received != null) {
                    toInvite.add(Duration.between(placed, received).toNanos());
                }
                stamp = null;
            }
        }
        System.out.printf(Locale.ROOT, "%nplace() → INVITE at SIPp, %d calls: p50 %.2f ms, p99 %.2f ms%n", toInvite.count(),
                toInvite.percentileMillis(0.5), toInvite.percentileMillis(0.99));
    }


    private static final class SippTrace {
        private static Instant parse(String stamp) {
            // "2026-12-02\t12:30:01.123456" (local time) → Instant
            try {
                String[] parts = stamp.split("\\s+");
                java.time.LocalDateTime local = java.time.LocalDateTime.parse(parts[0] + "T" + parts[1]);
                return local.atZone(java.time.ZoneId.systemDefault()).toInstant();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
