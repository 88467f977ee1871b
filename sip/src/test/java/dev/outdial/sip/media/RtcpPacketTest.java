package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RTCP's compound packets as Outdial writes them and as it reads a far end's (RFC 3550 §6). */
class RtcpPacketTest {

    private static final RtcpPacket.ReportBlock BLOCK = new RtcpPacket.ReportBlock(0x0BADCAFE, 25, 1234,
            0x0001_0017, 80, 0x1234_5678, 32_768);

    @Test
    void aSenderReportWithItsBlockReadsBackAsWritten() {
        byte[] packet = new byte[RtcpPacket.MAX_WRITTEN];
        RtcpPacket.Sender sender = new RtcpPacket.Sender(0xE000_0000_8000_0000L, 160_000, 500, 80_000);

        int length = RtcpPacket.write(packet, 0x5EED, sender, BLOCK, "outdial-test", false);

        assertThat(length % 4).as("32-bit words").isZero();
        assertThat(types(packet, length)).containsExactly(RtcpPacket.SENDER_REPORT, RtcpPacket.SOURCE_DESCRIPTION);
        List<RtcpPacket.Report> read = read(packet, length);
        assertThat(read).containsExactly(new RtcpPacket.Report(0x5EED, true, 0xE000_0000_8000_0000L, List.of(BLOCK)));
        assertThat(new String(packet, 28 + 24 + 10, "outdial-test".length(), java.nio.charset.StandardCharsets.US_ASCII))
                .as("the CNAME item").isEqualTo("outdial-test");
    }

    @Test
    void beforeSendingALegReportsAsAReceiverAndItsGoodbyeEndsTheCompound() {
        byte[] packet = new byte[RtcpPacket.MAX_WRITTEN];

        int length = RtcpPacket.write(packet, 7, null, null, "x", true);

        assertThat(types(packet, length)).containsExactly(RtcpPacket.RECEIVER_REPORT, RtcpPacket.SOURCE_DESCRIPTION,
                RtcpPacket.GOODBYE);
        assertThat(read(packet, length)).containsExactly(new RtcpPacket.Report(7, false, 0, List.of()));
    }

    @Test
    void aNegativeCumulativeLossKeepsItsSign() {
        byte[] packet = new byte[RtcpPacket.MAX_WRITTEN];
        RtcpPacket.ReportBlock duplicated = new RtcpPacket.ReportBlock(1, 0, -3, 10, 0, 0, 0);
        int length = RtcpPacket.write(packet, 2, null, duplicated, "x", false);
        assertThat(read(packet, length).getFirst().blocks().getFirst().cumulativeLost()).isEqualTo(-3);
    }

    @Test
    void aFarEndsCompoundOfASenderReportItsDescriptionAndAnApplicationPacketIsRead() {
        // an SR with one block (SSRC 0x11223344 reporting on 0x0BADCAFE), an SDES with CNAME "ab", an APP packet
        byte[] packet = HexFormat.of().parseHex("81c8000c" + "11223344" + "e1234567" + "89abcdef" + "00002710"
                + "00000064" + "00003e80" + "0badcafe" + "02000005" + "00010040" + "00000020" + "12345678"
                + "00004000" + "81ca0003" + "11223344" + "01026162" + "00000000" + "80cc0002" + "11223344"
                + "6e616d65");

        List<RtcpPacket.Report> read = read(packet, packet.length);

        assertThat(read).hasSize(1);
        RtcpPacket.Report report = read.getFirst();
        assertThat(report.senderSsrc()).isEqualTo(0x11223344);
        assertThat(report.ntp()).isEqualTo(0xE123_4567_89AB_CDEFL);
        assertThat(report.blocks()).containsExactly(new RtcpPacket.ReportBlock(0x0BADCAFE, 2, 5, 0x0001_0040, 32,
                0x1234_5678, 0x4000));
    }

    @Test
    void whatIsNotRtcpIsRefusedWhole() {
        byte[] packet = new byte[RtcpPacket.MAX_WRITTEN];
        int length = RtcpPacket.write(packet, 7, null, BLOCK, "x", false);
        assertThat(RtcpPacket.read(packet, length - 1, report -> { })).as("cut short").isFalse();

        byte[] rtp = new byte[172];
        RtpPacket.writeHeader(rtp, false, 0, 1, 160, 9);
        assertThat(RtcpPacket.read(rtp, rtp.length, report -> { })).as("an RTP packet").isFalse();

        byte[] descriptionFirst = HexFormat.of().parseHex("81ca0002" + "11223344" + "01000000");
        assertThat(RtcpPacket.read(descriptionFirst, descriptionFirst.length, report -> { }))
                .as("not a report first").isFalse();

        byte[] moreBlocksThanRoom = HexFormat.of().parseHex("82c90001" + "11223344");
        assertThat(RtcpPacket.read(moreBlocksThanRoom, moreBlocksThanRoom.length, report -> { })).isFalse();

        byte[] versionOne = packet.clone();
        versionOne[0] = (byte) (0x40 | (versionOne[0] & 0x3F));
        assertThat(RtcpPacket.read(versionOne, length, report -> { })).isFalse();
    }

    private static List<RtcpPacket.Report> read(byte[] packet, int length) {
        List<RtcpPacket.Report> reports = new ArrayList<>();
        assertThat(RtcpPacket.read(packet, length, reports::add)).isTrue();
        return reports;
    }

    /** The packet types of a compound packet, in order. */
    static List<Integer> types(byte[] packet, int length) {
        List<Integer> types = new ArrayList<>();
        for (int at = 0; at < length; at += 4 * (RtpPacket.readShort(packet, at + 2) + 1)) {
            types.add(packet[at + 1] & 0xFF);
        }
        return types;
    }
}
