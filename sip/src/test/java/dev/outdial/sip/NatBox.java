package dev.outdial.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * A home router's NAT for one phone, on loopback: what the phone sends to the box's inside port leaves from its
 * outside port to the server, and what reaches the outside port goes back to the phone's port that last sent
 * something. So the server sees the phone's SIP come from the outside port, and reaches the phone only there.
 */
final class NatBox implements AutoCloseable {

    private final DatagramChannel inside;
    private final DatagramChannel outside;
    private final InetSocketAddress server;
    private volatile SocketAddress phone;

    NatBox(InetSocketAddress server) {
        this.server = server;
        try {
            inside = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
            outside = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("nat-inside").start(() -> forward(inside, true));
        Thread.ofVirtual().name("nat-outside").start(() -> forward(outside, false));
    }

    /** Where the phone sends its requests: its gateway. */
    String insideAddress() {
        return "127.0.0.1:" + port(inside);
    }

    int outsidePort() {
        return port(outside);
    }

    private void forward(DatagramChannel from, boolean fromPhone) {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        try {
            while (true) {
                buffer.clear();
                SocketAddress sender = from.receive(buffer);
                buffer.flip();
                if (fromPhone) {
                    phone = sender;
                    outside.send(buffer, server);
                } else if (phone != null) {
                    inside.send(buffer, phone);
                }
            }
        } catch (ClosedChannelException closed) {
            // the box is switched off
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(DatagramChannel channel) {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        inside.close();
        outside.close();
    }
}
