package dev.outdial.sip.media;

/**
 * Reads the fixed RTP header (RFC 3550 §5.1) of a received datagram in place: where the payload
 * starts and ends once CSRCs, a header extension and padding are skipped.
 */
final class RtpPacket {

    static final int HEADER = 12;

    byte[] data;
    int payloadType;
    boolean marker;
    int sequence;
    int timestamp;
    int ssrc;
    int payloadOffset;
    int payloadLength;

    /** Whether {@code length} bytes of {@code data} are an RTP version 2 packet; fills the fields if so. */
    boolean parse(byte[] data, int length) {
        int offset = headerLength(data, length);
        if (offset < 0) {
            return false;
        }
        this.data = data;
        boolean padding = (data[0] & 0x20) != 0;
        marker = (data[1] & 0x80) != 0;
        payloadType = data[1] & 0x7F;
        sequence = sequenceOf(data);
        timestamp = readInt(data, 4);
        ssrc = ssrcOf(data);
        int end = length;
        if (padding) {
            end -= data[length - 1] & 0xFF;
        }
        if (offset > end) {
            return false;
        }
        payloadOffset = offset;
        payloadLength = end - offset;
        return true;
    }

    /** The length of the header of the packet in {@code data[0, length)}, CSRCs and extension with it; -1 if none. */
    static int headerLength(byte[] data, int length) {
        if (length < HEADER || (data[0] & 0xC0) != 0x80) {
            return -1;
        }
        int offset = HEADER + 4 * (data[0] & 0x0F);
        if ((data[0] & 0x10) != 0) {
            offset = offset + 4 > length ? length + 1 : offset + 4 + 4 * readShort(data, offset + 2);
        }
        return offset > length ? -1 : offset;
    }

    static int sequenceOf(byte[] data) {
        return readShort(data, 2);
    }

    static int ssrcOf(byte[] data) {
        return readInt(data, 8);
    }

    static void writeHeader(byte[] packet, boolean marker, int payloadType, int sequence, int timestamp, int ssrc) {
        packet[0] = (byte) 0x80;
        packet[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        writeInt(packet, 4, timestamp);
        writeInt(packet, 8, ssrc);
    }

    static int readShort(byte[] data, int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }

    static int readInt(byte[] data, int at) {
        return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8) | (data[at + 3] & 0xFF);
    }

    static void writeInt(byte[] data, int at, int value) {
        data[at] = (byte) (value >> 24);
        data[at + 1] = (byte) (value >> 16);
        data[at + 2] = (byte) (value >> 8);
        data[at + 3] = (byte) value;
    }
}
