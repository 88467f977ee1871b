package dev.outdial.sip.media;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * RTCP's packets as Outdial writes and reads them (RFC 3550 §6): a compound packet of a sender report (SR, while the
 * leg sends) or a receiver report (RR), with at most one report block — the far end's stream — and an SDES of its
 * CNAME, a BYE at the leg's end; read, the sender and receiver reports of a far end's compound packet, the rest
 * skipped.
 */
final class RtcpPacket {

    static final int SENDER_REPORT = 200;
    static final int RECEIVER_REPORT = 201;
    static final int SOURCE_DESCRIPTION = 202;
    static final int GOODBYE = 203;
    private static final int VERSION = 2;
    private static final int BLOCK = 24;
    private static final int CNAME = 1;
    /** Room for the longest compound packet Outdial writes: an SR with one block, an SDES, a BYE (328 octets). */
    static final int MAX_WRITTEN = 512;

    private RtcpPacket() {
    }

    /** What the leg sent, for a sender report: its stream's RTP time and counts at the report's NTP time. */
    record Sender(long ntp, int rtpTimestamp, long packets, long octets) {
    }

    /**
     * One report block (RFC 3550 §6.4.1): how the stream of {@code ssrc} reached the reporter.
     *
     * @param fractionLost            the share lost since the reporter's last report, in 256ths
     * @param cumulativeLost          packets lost since the stream began (24 bits, signed: duplicates can make it
     *                                negative)
     * @param extendedHighestSequence the highest sequence number received, with its wraps counted above 16 bits
     * @param jitter                  the interarrival jitter, in the stream's timestamp units
     * @param lastSenderReport        the middle 32 bits of the NTP time of the last SR received from the stream's
     *                                sender (0: none)
     * @param delaySinceLastSenderReport how long since that SR came, in 65,536ths of a second
     */
    record ReportBlock(int ssrc, int fractionLost, int cumulativeLost, int extendedHighestSequence, int jitter,
                       int lastSenderReport, int delaySinceLastSenderReport) {
    }

    /**
     * A far end's sender or receiver report.
     *
     * @param ntp the NTP time of a sender report; 0 in a receiver report
     */
    record Report(int senderSsrc, boolean fromSender, long ntp, List<ReportBlock> blocks) {
    }

    /**
     * Writes into {@code packet} the compound report of the stream {@code ssrc}: an SR where {@code sender} is given,
     * else an RR, with {@code block} if any, the SDES of {@code cname}, and a BYE where {@code goodbye}. Its length.
     */
    static int write(byte[] packet, int ssrc, Sender sender, ReportBlock block, String cname, boolean goodbye) {
        int at = 0;
        int blocks = block == null ? 0 : 1;
        int reportLength = (sender == null ? 8 : 28) + BLOCK * blocks;
        header(packet, at, blocks, sender == null ? RECEIVER_REPORT : SENDER_REPORT, reportLength);
        RtpPacket.writeInt(packet, at + 4, ssrc);
        at += 8;
        if (sender != null) {
            RtpPacket.writeInt(packet, at, (int) (sender.ntp() >>> 32));
            RtpPacket.writeInt(packet, at + 4, (int) sender.ntp());
            RtpPacket.writeInt(packet, at + 8, sender.rtpTimestamp());
            RtpPacket.writeInt(packet, at + 12, (int) sender.packets());
            RtpPacket.writeInt(packet, at + 16, (int) sender.octets());
            at += 20;
        }
        if (block != null) {
            RtpPacket.writeInt(packet, at, block.ssrc());
            RtpPacket.writeInt(packet, at + 4, (block.fractionLost() << 24) | (block.cumulativeLost() & 0xFFFFFF));
            RtpPacket.writeInt(packet, at + 8, block.extendedHighestSequence());
            RtpPacket.writeInt(packet, at + 12, block.jitter());
            RtpPacket.writeInt(packet, at + 16, block.lastSenderReport());
            RtpPacket.writeInt(packet, at + 20, block.delaySinceLastSenderReport());
            at += BLOCK;
        }
        byte[] name = cname.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int nameLength = Math.min(name.length, 255);
        // the chunk's SSRC, the CNAME item, then at least one null octet ending the items, to a 32-bit boundary
        int descriptionLength = 4 + ((4 + 2 + nameLength + 1 + 3) & ~3);
        header(packet, at, 1, SOURCE_DESCRIPTION, descriptionLength);
        RtpPacket.writeInt(packet, at + 4, ssrc);
        packet[at + 8] = CNAME;
        packet[at + 9] = (byte) nameLength;
        System.arraycopy(name, 0, packet, at + 10, nameLength);
        java.util.Arrays.fill(packet, at + 10 + nameLength, at + descriptionLength, (byte) 0);
        at += descriptionLength;
        if (goodbye) {
            header(packet, at, 1, GOODBYE, 8);
            RtpPacket.writeInt(packet, at + 4, ssrc);
            at += 8;
        }
        return at;
    }

    private static void header(byte[] packet, int at, int count, int type, int length) {
        packet[at] = (byte) ((VERSION << 6) | count);
        packet[at + 1] = (byte) type;
        int words = length / 4 - 1;
        packet[at + 2] = (byte) (words >> 8);
        packet[at + 3] = (byte) words;
    }

    /**
     * Whether a datagram on an RTP port is RTCP (RFC 5761 §4: its packet type, 192-223, sits where RTP's marker and
     * payload type are, which audio's never reach): a far end that sends its RTCP to the RTP port.
     */
    static boolean isRtcp(byte[] data, int length) {
        int type = length > 1 ? data[1] & 0xFF : 0;
        return type >= 192 && type <= 223;
    }

    /**
     * Hands {@code reports} each sender and receiver report of the compound packet; false where it is not RTCP
     * (RFC 3550 A.2: version 2, lengths that add up, an SR or RR first), and then nothing is handed.
     */
    static boolean read(byte[] data, int length, Consumer<Report> reports) {
        if (length < 8 || (data[0] & 0xC0) != VERSION << 6) {
            return false;
        }
        int first = data[1] & 0xFF;
        if (first != SENDER_REPORT && first != RECEIVER_REPORT) {
            return false;
        }
        List<Report> read = new ArrayList<>();
        int at = 0;
        while (at < length) {
            if (length - at < 4 || (data[at] & 0xC0) != VERSION << 6) {
                return false;
            }
            int packetLength = 4 * (RtpPacket.readShort(data, at + 2) + 1);
            if (at + packetLength > length) {
                return false;
            }
            int type = data[at + 1] & 0xFF;
            int count = data[at] & 0x1F;
            if (type == SENDER_REPORT || type == RECEIVER_REPORT) {
                int blocksAt = at + (type == SENDER_REPORT ? 28 : 8);
                if (blocksAt + BLOCK * count > at + packetLength) {
                    return false;
                }
                read.add(report(data, at, type == SENDER_REPORT, blocksAt, count));
            }
            at += packetLength;
        }
        read.forEach(reports);
        return true;
    }

    private static Report report(byte[] data, int at, boolean fromSender, int blocksAt, int count) {
        long ntp = fromSender ? ((long) RtpPacket.readInt(data, at + 8) << 32)
                | (RtpPacket.readInt(data, at + 12) & 0xFFFFFFFFL) : 0;
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int block = 0; block < count; block++) {
            int b = blocksAt + BLOCK * block;
            int lost = RtpPacket.readInt(data, b + 4);
            blocks.add(new ReportBlock(RtpPacket.readInt(data, b), lost >>> 24, (lost << 8) >> 8,
                    RtpPacket.readInt(data, b + 8), RtpPacket.readInt(data, b + 12), RtpPacket.readInt(data, b + 16),
                    RtpPacket.readInt(data, b + 20)));
        }
        return new Report(RtpPacket.readInt(data, at + 4), fromSender, ntp, blocks);
    }
}
