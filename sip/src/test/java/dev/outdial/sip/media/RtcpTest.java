package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.sip.AudioQuality;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A leg's RTCP with a far end on loopback: its reports, what it learns of the round trip, its goodbye. */
class RtcpTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int FAR_SSRC = 0x0FA2_0FA2;

    private MediaEngine engine;

    @BeforeEach
    void startEngine() {
        engine = new MediaEngine(LOOPBACK, 18300, 18319, Duration.ofMillis(100));
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void aFarEndsStreamIsReportedWithItsLossAndItsSenderReportAndItsAnswerGivesTheRoundTrip() throws Exception {
        try (DatagramSocket farRtp = new DatagramSocket(0, LOOPBACK);
             DatagramSocket farRtcp = new DatagramSocket(0, LOOPBACK)) {
            farRtp.setSoTimeout((int) TestPhone.PATIENCE.toMillis());
            farRtcp.setSoTimeout((int) TestPhone.PATIENCE.toMillis());
            MediaLeg leg = engine.open();
            leg.connect(new InetSocketAddress(LOOPBACK, farRtp.getLocalPort()), Codec.PCMU, 101);
            InetSocketAddress legRtcp = new InetSocketAddress(LOOPBACK, leg.localPort() + 1);
            for (int sequence = 100; sequence < 110; sequence++) {
                if (sequence != 103 && sequence != 105) {
                    sendRtp(farRtp, leg, sequence);
                }
            }
            int ourSsrc = RtpPacket.ssrcOf(receive(farRtp));
            long theirTime = 0xE000_0001_4000_0000L;
            send(farRtcp, legRtcp, FAR_SSRC, new RtcpPacket.Sender(theirTime, 1600, 8, 1280), null);

            // sent where the far end's RTCP came from, once it came
            Received report = next(farRtcp, heard -> heard.report().blocks().stream()
                    .anyMatch(block -> block.lastSenderReport() == NtpClock.middle(theirTime)));

            assertThat(report.report().senderSsrc()).as("the leg's RTP stream").isEqualTo(ourSsrc);
            assertThat(report.report().fromSender()).as("it sends: a sender report").isTrue();
            RtcpPacket.ReportBlock block = report.report().blocks().getFirst();
            assertThat(block.ssrc()).isEqualTo(FAR_SSRC);
            assertThat(block.cumulativeLost()).isEqualTo(2);
            assertThat(block.extendedHighestSequence()).isEqualTo(109);
            assertThat(report.types()).containsExactly(RtcpPacket.SENDER_REPORT, RtcpPacket.SOURCE_DESCRIPTION);

            // the far end answers at once, saying it sent our report 200 ms before it did: a round trip of 200 ms or more
            int ourReport = NtpClock.middle(report.report().ntp()) - (int) NtpClock.compact(200_000_000L);
            send(farRtcp, legRtcp, FAR_SSRC, null, new RtcpPacket.ReportBlock(ourSsrc, 0, 0, 0, 0, ourReport, 0));
            MediaLegTest.await(() -> roundTrip(leg).isPresent());
            assertThat(roundTrip(leg).orElseThrow()).isGreaterThanOrEqualTo(200);

            leg.close();
            assertThat(next(farRtcp, heard -> heard.types().contains(RtcpPacket.GOODBYE)).report().senderSsrc())
                    .as("its goodbye as it closes").isEqualTo(ourSsrc);
        }
    }

    @Test
    void aFarEndThatSendsItsRtcpToTheRtpPortIsAnsweredThereAndItsReportsAreNoAudio() throws Exception {
        try (DatagramSocket far = new DatagramSocket(0, LOOPBACK)) {
            far.setSoTimeout((int) TestPhone.PATIENCE.toMillis());
            MediaLeg leg = engine.open();
            leg.connect(new InetSocketAddress(LOOPBACK, far.getLocalPort()), Codec.PCMU, 101);
            for (int sequence = 0; sequence < 10; sequence++) {
                sendRtp(far, leg, sequence);
            }
            long theirTime = 0xE000_0002_0000_0000L;
            send(far, new InetSocketAddress(LOOPBACK, leg.localPort()), FAR_SSRC,
                    new RtcpPacket.Sender(theirTime, 1600, 10, 1600), null);

            Received report = next(far, heard -> heard.report().blocks().stream()
                    .anyMatch(block -> block.lastSenderReport() == NtpClock.middle(theirTime)));

            assertThat(report.report().blocks().getFirst().cumulativeLost()).isZero();
            assertThat(leg.stats().received().orElseThrow().packetsExpected()).as("the SR is not a packet of audio")
                    .isEqualTo(10);
            assertThat(leg.stats().packetsReceived()).isEqualTo(10);
        }
    }

    @Test
    void twoLegsKeyedForSrtpReportOverSrtcpAndMeasureTheRoundTrip() throws Exception {
        SrtpKey aSends = SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80);
        SrtpKey bSends = SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_32);
        try (MediaLeg a = engine.open(); MediaLeg b = engine.open();
             DatagramSocket snoop = new DatagramSocket(0, LOOPBACK)) {
            a.encrypt(Optional.of(new SrtpKeys(aSends, bSends)));
            b.encrypt(Optional.of(new SrtpKeys(bSends, aSends)));
            a.connect(new InetSocketAddress(LOOPBACK, b.localPort()), Codec.PCMU, 101);
            b.connect(new InetSocketAddress(LOOPBACK, a.localPort()), Codec.PCMU, 101);

            MediaLegTest.await(() -> roundTrip(a).isPresent() && roundTrip(b).isPresent());

            // what a leg sends its far end's RTCP port is no RTCP one can read without the key
            MediaLeg c = engine.open();
            c.encrypt(Optional.of(new SrtpKeys(aSends, bSends)));
            c.connect(new InetSocketAddress(LOOPBACK, snoop.getLocalPort() - 1), Codec.PCMU, 101);
            snoop.setSoTimeout((int) TestPhone.PATIENCE.toMillis());
            byte[] sent = receive(snoop);
            assertThat(RtcpPacket.isRtcp(sent, sent.length)).as("its header in the clear").isTrue();
            assertThat(RtcpPacket.read(sent, sent.length, report -> { })).as("the rest encrypted").isFalse();
            c.close();
        }
    }

    @Test
    void reportsGoWhereTheFarEndsSdpSaidUntilItsOwnRtcpComesFromElsewhere() throws Exception {
        try (DatagramSocket farRtp = new DatagramSocket(0, LOOPBACK);
             DatagramSocket named = new DatagramSocket(0, LOOPBACK);
             DatagramSocket actual = new DatagramSocket(0, LOOPBACK)) {
            named.setSoTimeout((int) TestPhone.PATIENCE.toMillis());
            actual.setSoTimeout((int) TestPhone.PATIENCE.toMillis());
            MediaLeg leg = engine.open();
            leg.connect(new InetSocketAddress(LOOPBACK, farRtp.getLocalPort()), Codec.PCMU, 101);
            leg.reportTo(Optional.of(new InetSocketAddress(LOOPBACK, named.getLocalPort())));

            int ours = next(named, heard -> true).report().senderSsrc();

            send(actual, new InetSocketAddress(LOOPBACK, leg.localPort() + 1), FAR_SSRC, null, null);
            assertThat(next(actual, heard -> true).report().senderSsrc()).isEqualTo(ours);
            leg.close();
        }
    }

    @Test
    void rtcpFromAHostTheAudioDoesNotComeFromIsNotTaken() throws Exception {
        try (DatagramSocket farRtp = new DatagramSocket(0, LOOPBACK);
             DatagramSocket farRtcp = new DatagramSocket(0, LOOPBACK);
             DatagramSocket stranger = new DatagramSocket(0, InetAddress.ofLiteral("127.0.0.2"))) {
            farRtp.setSoTimeout((int) TestPhone.PATIENCE.toMillis());
            farRtcp.setSoTimeout((int) TestPhone.PATIENCE.toMillis());
            MediaLeg leg = engine.open();
            leg.connect(new InetSocketAddress(LOOPBACK, farRtp.getLocalPort()), Codec.PCMU, 101);
            sendRtp(farRtp, leg, 1);
            InetSocketAddress legRtcp = new InetSocketAddress(LOOPBACK, leg.localPort() + 1);
            long forged = 0xE000_0003_0000_0000L;
            long theirs = 0xE000_0004_0000_0000L;

            send(stranger, legRtcp, FAR_SSRC, new RtcpPacket.Sender(forged, 160, 1, 160), null);
            send(farRtcp, legRtcp, FAR_SSRC, new RtcpPacket.Sender(theirs, 160, 1, 160), null);

            Received report = next(farRtcp, heard -> heard.report().blocks().stream()
                    .anyMatch(block -> block.lastSenderReport() == NtpClock.middle(theirs)));
            assertThat(report.report().senderSsrc()).as("the far end's own RTCP taken, its reports sent back")
                    .isEqualTo(RtpPacket.ssrcOf(receive(farRtp)));
            stranger.setSoTimeout(1);
            assertThat(receivedAny(stranger)).as("no report to the stranger").isFalse();
            leg.close();
        }
    }

    @Test
    void aFarEndHoldingWithTheUnspecifiedAddressIsSentNoRtcpThatWouldReachThisHost() throws Exception {
        try (DatagramSocket here = new DatagramSocket(0, LOOPBACK);
             DatagramSocket farRtp = new DatagramSocket(0, LOOPBACK);
             DatagramSocket farRtcp = new DatagramSocket(0, LOOPBACK)) {
            here.setSoTimeout(1);
            farRtcp.setSoTimeout((int) TestPhone.PATIENCE.toMillis());
            MediaLeg held = engine.open();
            MediaLeg talking = engine.open();
            held.connect(new InetSocketAddress("0.0.0.0", here.getLocalPort() - 1), Codec.PCMU, 101);
            talking.connect(new InetSocketAddress(LOOPBACK, farRtp.getLocalPort()), Codec.PCMU, 101);
            talking.reportTo(Optional.of(new InetSocketAddress(LOOPBACK, farRtcp.getLocalPort())));

            // three reports of the other leg: at least 125 ms, past the held leg's first report (75 ms at the latest)
            for (int report = 0; report < 3; report++) {
                next(farRtcp, heard -> true);
            }

            assertThat(receivedAny(here)).as("nothing sent to 0.0.0.0, which is this host").isFalse();
            held.close();
            talking.close();
        }
    }

    private static boolean receivedAny(DatagramSocket socket) throws Exception {
        try {
            receive(socket);
            return true;
        } catch (SocketTimeoutException none) {
            return false;
        }
    }

    @Test
    void twoLegsReportToEachOtherAndEachMeasuresTheRoundTrip() throws Exception {
        try (MediaLeg a = engine.open(); MediaLeg b = engine.open()) {
            a.connect(new InetSocketAddress(LOOPBACK, b.localPort()), Codec.PCMU, 101);
            b.connect(new InetSocketAddress(LOOPBACK, a.localPort()), Codec.PCMU, 101);

            MediaLegTest.await(() -> roundTrip(a).isPresent() && roundTrip(b).isPresent());

            AudioQuality heard = a.stats().received().orElseThrow();
            assertThat(heard.roundTripMillis()).isGreaterThanOrEqualTo(0);
            assertThat(heard.meanOpinionScore()).as("loopback: as good as G.711 gets").isGreaterThan(4.3);
        }
    }

    private static Optional<Double> roundTrip(MediaLeg leg) {
        return leg.stats().received().map(AudioQuality::roundTripMillis);
    }

    private static void sendRtp(DatagramSocket from, MediaLeg to, int sequence) throws Exception {
        byte[] packet = new byte[12 + 160];
        RtpPacket.writeHeader(packet, false, 0, sequence, sequence * 160, FAR_SSRC);
        Arrays.fill(packet, 12, packet.length, (byte) 0xFF);
        from.send(new DatagramPacket(packet, packet.length, new InetSocketAddress(LOOPBACK, to.localPort())));
    }

    private static void send(DatagramSocket from, InetSocketAddress to, int ssrc, RtcpPacket.Sender sender,
                             RtcpPacket.ReportBlock block) throws Exception {
        byte[] packet = new byte[RtcpPacket.MAX_WRITTEN];
        int length = RtcpPacket.write(packet, ssrc, sender, block, "far-end", false);
        from.send(new DatagramPacket(packet, length, to));
    }

    private static byte[] receive(DatagramSocket socket) throws Exception {
        DatagramPacket datagram = new DatagramPacket(new byte[2048], 2048);
        socket.receive(datagram);
        return Arrays.copyOf(datagram.getData(), datagram.getLength());
    }

    /** A compound packet received: its report, and the types of its packets. */
    private record Received(RtcpPacket.Report report, List<Integer> types) {
    }

    /** The next compound packet that {@code wanted}; those before it are dropped. */
    private static Received next(DatagramSocket socket, Predicate<Received> wanted) throws Exception {
        while (true) {
            byte[] data;
            try {
                data = receive(socket);
            } catch (SocketTimeoutException none) {
                throw new AssertionError("no such RTCP packet within " + TestPhone.PATIENCE);
            }
            List<RtcpPacket.Report> reports = new ArrayList<>();
            if (RtcpPacket.read(data, data.length, reports::add)) {
                Received received = new Received(reports.getFirst(), RtcpPacketTest.types(data, data.length));
                if (wanted.test(received)) {
                    return received;
                }
            }
        }
    }
}
