package dev.outdial.bench.sip;

import dev.outdial.bench.BenchOptions;
import dev.outdial.sip.media.AudioClip;
import dev.outdial.sip.media.Codec;
import dev.outdial.sip.media.MediaEngine;
import dev.outdial.sip.media.MediaLeg;
import dev.outdial.sip.media.SrtpKey;
import dev.outdial.sip.media.SrtpKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The media half of issue 12's load benchmark, without SIP: legs of one {@link MediaEngine} on
 * loopback, their far ends played by {@link FarEnds}, in three modes —
 * <ul>
 * <li>{@code direct}: far ends send to each other, no engine (the baseline of the driver and the kernel);
 * <li>{@code bridged}: pairs of legs bridged, both far ends talking (two-way relayed audio);
 * <li>{@code prompts}: every leg plays a looped prompt from the pacer, far ends silent.
 * </ul>
 * For each it prints the engine's CPU (its two threads' CPU time over wall time, so the driver's
 * own work is not counted), packets per second, the transit of relayed packets and the jitter
 * (how far gaps between a stream's packets are from 20 ms), and from each {@code bridge} to the
 * first customer packet sent to the agent ({@link dev.outdial.sip.media.MediaStats#firstPacketSent}),
 * as a Markdown table.
 *
 * <pre>MediaLoad [--legs 100,200,400] [--seconds 10] [--rtp-ports 61000-62998]</pre>
 */
public final class MediaLoad {

    private static final long WARM_UP_MILLIS = 2000;

    public static void main(String[] args) throws Exception {
        int[] legCounts = {100, 200, 400};
        int seconds = 10;
        int firstPort = 61000;
        int lastPort = 62998;
        for (int i = 0; i < args.length; i += 2) {
            String value = BenchOptions.valueOf(args, i);
            switch (args[i]) {
                case "--legs" -> legCounts = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--rtp-ports" -> {
                    String[] range = value.split("-");
                    firstPort = Integer.parseInt(range[0]);
                    lastPort = Integer.parseInt(range[1]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.println("| mode | legs | engine CPU (% of one core) | packets/s in + out | transit p50 / p99 (ms) | jitter p50 / p99 (ms) | lost | bridge → first packet at the agent p50 / p99 (ms) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int legs : legCounts) {
            for (String mode : List.of("direct", "bridged", "bridged-srtp", "prompts")) {
                System.out.println(run(mode, legs, seconds, firstPort, lastPort));
            }
        }
    }

    private static String run(String mode, int legs, int seconds, int firstPort, int lastPort) throws Exception {
        try (MediaEngine engine = new MediaEngine(InetAddress.getLoopbackAddress(), firstPort, lastPort);
             FarEnds farEnds = new FarEnds(legs)) {
            List<MediaLeg> opened = new ArrayList<>();
            List<MediaLeg[]> toBridge = new ArrayList<>();
            AudioClip prompt = AudioClip.of8kHzSamples(tone());
            for (int pair = 0; pair < legs / 2; pair++) {
                int customer = 2 * pair;
                int agent = customer + 1;
                switch (mode) {
                    case "direct" -> {
                        farEnds.target(customer, farEnds.address(agent));
                        farEnds.target(agent, farEnds.address(customer));
                    }
                    case "bridged", "bridged-srtp" -> {
                        boolean srtp = mode.equals("bridged-srtp");
                        MediaLeg customerLeg = leg(engine, farEnds, customer, opened, srtp);
                        MediaLeg agentLeg = leg(engine, farEnds, agent, opened, srtp);
                        toBridge.add(new MediaLeg[] {customerLeg, agentLeg});
                        farEnds.target(customer, local(customerLeg));
                        farEnds.target(agent, local(agentLeg));
                    }
                    default -> {
                        leg(engine, farEnds, customer, opened, false).play(prompt, true, null);
                        leg(engine, farEnds, agent, opened, false).play(prompt, true, null);
                    }
                }
            }
            farEnds.startTalking();
            Thread.sleep(WARM_UP_MILLIS / 2);
            // bridged while both far ends talk, as when a customer answers onto an agent's nailed-up line
            Histogram connect = new Histogram();
            List<Instant> bridgedAt = new ArrayList<>();
            for (MediaLeg[] pair : toBridge) {
                bridgedAt.add(Instant.now());
                pair[0].bridge(pair[1]);
            }
            Thread.sleep(WARM_UP_MILLIS / 2);
            for (int i = 0; i < toBridge.size(); i++) {
                Instant bridged = bridgedAt.get(i);
                toBridge.get(i)[1].stats().firstPacketSent()
                        .ifPresent(first -> connect.add(Duration.between(bridged, first).toNanos()));
            }
            farEnds.record();
            long cpuBefore = MediaThreads.cpuNanos();
            long wallBefore = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long cpu = MediaThreads.cpuNanos() - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            long received = farEnds.received();
            long sent = farEnds.sent();
            double perSecond = (received + sent) * 1e9 / wall;
            String lost = sent == 0 ? "–" : String.format(Locale.ROOT, "%.2f%%", Math.max(0, 100.0 * (sent - received) / sent));
            String cpuShare = mode.equals("direct") ? "–" : String.format(Locale.ROOT, "%.1f", 100.0 * cpu / wall);
            String connected = connect.count() == 0 ? "–" : String.format(Locale.ROOT, "%.2f / %.2f",
                    connect.percentileMillis(0.5), connect.percentileMillis(0.99));
            return String.format(Locale.ROOT, "| %s | %d | %s | %.0f | %s | %.2f / %.2f | %s | %s |", mode, legs, cpuShare, perSecond,
                    farEnds.transit().count() == 0 ? "–" : String.format(Locale.ROOT, "%.2f / %.2f",
                            farEnds.transit().percentileMillis(0.5), farEnds.transit().percentileMillis(0.99)),
                    farEnds.gaps().percentileMillis(0.5), farEnds.gaps().percentileMillis(0.99), lost, connected);
        }
    }

    /** A leg to far end {@code index}, in SRTP both ways with keys of its own if {@code srtp}. */
    private static MediaLeg leg(MediaEngine engine, FarEnds farEnds, int index, List<MediaLeg> opened, boolean srtp)
            throws IOException {
        MediaLeg leg = engine.open();
        if (srtp) {
            SrtpKey ours = SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80);
            SrtpKey theirs = SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80);
            leg.encrypt(Optional.of(new SrtpKeys(ours, theirs)));
            farEnds.encrypt(index, theirs, ours);
        }
        leg.connect(farEnds.address(index), Codec.PCMU, 101);
        opened.add(leg);
        return leg;
    }

    private static InetSocketAddress local(MediaLeg leg) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), leg.localPort());
    }

    private static short[] tone() {
        short[] samples = new short[8000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000));
        }
        return samples;
    }
}
