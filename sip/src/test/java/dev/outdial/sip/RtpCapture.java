package dev.outdial.sip;

import dev.outdial.sip.media.Codec;
import dev.outdial.sip.media.SpokenAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Audio written as the capture SIPp's {@code play_pcap_audio} plays: a pcap file of Ethernet frames carrying one RTP
 * stream of 20 ms G.711 packets, stamped 20 ms apart. SIPp takes the RTP and the timing and sends them to the port
 * the call's SDP names.
 */
final class RtpCapture {

    private static final int SAMPLES_PER_PACKET = 160;
    private static final int ETHERNET = 14;
    private static final int IPV4 = 20;
    private static final int UDP = 8;
    private static final int RTP = 12;

    private RtpCapture() {
    }

    static Path write(Path file, Codec codec, short[] samples) {
        return write(file, codec, samples, packet -> true);
    }

    /** The same, with only the packets {@code sent} says in the capture: the others are lost on the way. */
    static Path write(Path file, Codec codec, short[] samples, IntPredicate sent) {
        byte[] audio = SpokenAudio.encoded(codec, samples);
        int packets = (audio.length + SAMPLES_PER_PACKET - 1) / SAMPLES_PER_PACKET;
        int frame = ETHERNET + IPV4 + UDP + RTP + SAMPLES_PER_PACKET;
        byte quiet = SpokenAudio.encoded(codec, new short[1])[0];
        ByteBuffer pcap = ByteBuffer.allocate(24 + packets * (16 + frame)).order(ByteOrder.LITTLE_ENDIAN);
        pcap.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (int packet = 0; packet < packets; packet++) {
            if (!sent.test(packet)) {
                continue;
            }
            long micros = packet * 20_000L;
            pcap.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                    .putInt(frame).putInt(frame);
            pcap.order(ByteOrder.BIG_ENDIAN);
            pcap.put(new byte[12]).putShort((short) 0x0800); // MAC addresses SIPp ignores, IPv4
            pcap.put((byte) 0x45).put((byte) 0).putShort((short) (frame - ETHERNET)).putShort((short) packet)
                    .putShort((short) 0).put((byte) 64).put((byte) 17).putShort((short) 0)
                    .put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
            pcap.putShort((short) 6000).putShort((short) 6002).putShort((short) (UDP + RTP + SAMPLES_PER_PACKET))
                    .putShort((short) 0);
            pcap.put((byte) 0x80).put((byte) (codec.payloadType() | (packet == 0 ? 0x80 : 0)))
                    .putShort((short) packet).putInt(packet * SAMPLES_PER_PACKET).putInt(0x5eed);
            for (int i = 0; i < SAMPLES_PER_PACKET; i++) {
                int at = packet * SAMPLES_PER_PACKET + i;
                pcap.put(at < audio.length ? audio[at] : quiet);
            }
        }
        try {
            return Files.write(file, Arrays.copyOf(pcap.array(), pcap.position()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
