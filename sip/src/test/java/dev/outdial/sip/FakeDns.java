package dev.outdial.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DNS server on 127.0.0.1 that answers SRV questions from what a test gave it ({@link #srv}), and every other name
 * with "no such name": the carrier's DNS. Speaks the wire format of RFC 1035 over UDP, enough for the JDK's client.
 */
final class FakeDns implements AutoCloseable {

    private static final int SRV = 33;
    private static final int SERVER_FAILURE = 2;
    private static final int NAME_ERROR = 3;

    private final DatagramSocket socket;
    private final Map<String, List<String>> records = new ConcurrentHashMap<>();
    private final Thread answering;
    private volatile boolean failing;

    FakeDns() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        answering = Thread.ofPlatform().daemon().name("fake-dns").start(this::answer);
    }

    /** The URL the JDK's DNS client asks this server at. */
    String url() {
        return "dns://127.0.0.1:" + socket.getLocalPort();
    }

    /** {@code name}'s SRV records, each as "priority weight port target", answered from now on. */
    FakeDns srv(String name, String... srvRecords) {
        records.put(name.toLowerCase(Locale.ROOT), List.of(srvRecords));
        failing = false;
        return this;
    }

    /** Answers "server failure" to all, as a DNS server that cannot reach the domain's does, until {@link #srv}. */
    FakeDns failing() {
        failing = true;
        return this;
    }

    private void answer() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket query = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(query);
                byte[] reply = reply(ByteBuffer.wrap(query.getData(), 0, query.getLength()));
                socket.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private byte[] reply(ByteBuffer query) {
        short id = query.getShort();
        query.position(12);
        StringBuilder name = new StringBuilder();
        for (int length = query.get(); length > 0; length = query.get()) {
            byte[] label = new byte[length];
            query.get(label);
            name.append(name.isEmpty() ? "" : ".").append(new String(label, StandardCharsets.US_ASCII));
        }
        int type = query.getShort();
        query.getShort(); // class IN
        int questionEnd = query.position();
        List<String> answers = type == SRV ? records.getOrDefault(name.toString().toLowerCase(Locale.ROOT), List.of())
                : List.of();
        boolean known = records.containsKey(name.toString().toLowerCase(Locale.ROOT));
        int outcome = failing ? SERVER_FAILURE : known ? 0 : NAME_ERROR;
        if (failing) {
            answers = List.of();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(12);
        header.putShort(id).putShort((short) (0x8580 | outcome)).putShort((short) 1)
                .putShort((short) answers.size()).putShort((short) 0).putShort((short) 0);
        out.writeBytes(header.array());
        out.write(query.array(), 12, questionEnd - 12);
        for (String answer : answers) {
            String[] fields = answer.split(" ");
            byte[] target = labels(fields[3]);
            ByteBuffer record = ByteBuffer.allocate(2 + 2 + 2 + 4 + 2 + 6 + target.length);
            record.putShort((short) 0xC00C).putShort((short) SRV).putShort((short) 1).putInt(60)
                    .putShort((short) (6 + target.length)).putShort((short) Integer.parseInt(fields[0]))
                    .putShort((short) Integer.parseInt(fields[1])).putShort((short) Integer.parseInt(fields[2]))
                    .put(target);
            out.writeBytes(record.array());
        }
        return out.toByteArray();
    }

    private static byte[] labels(String host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!host.equals(".")) {
            for (String label : host.split("\\.")) {
                out.write(label.length());
                out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
            }
        }
        out.write(0);
        return out.toByteArray();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        answering.join();
    }
}
