package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaEngineTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void legsTakeTheRangesEvenPortsWithTheOddOnesAfterThemUntilItIsFullThenReuseFreedOnes() throws IOException {
        try (MediaEngine engine = new MediaEngine(LOOPBACK, 18241, 18248)) {
            List<MediaLeg> legs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                legs.add(engine.open());
            }
            assertThat(legs).extracting(MediaLeg::localPort).containsExactly(18242, 18244, 18246);

            assertThatThrownBy(engine::open).isInstanceOf(IOException.class)
                    .hasMessageContaining("no free RTP port in 18242-18247");

            legs.get(1).close();
            await(() -> canBind(18244));
            MediaLeg again = engine.open();
            assertThat(again.localPort()).isEqualTo(18244);
            assertThat(engine.openLegs()).isEqualTo(3);
        }
    }

    @Test
    void aPortTakenByAnotherProgramIsSkipped() throws IOException {
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(LOOPBACK, 18250));
             MediaEngine engine = new MediaEngine(LOOPBACK, 18250, 18253)) {
            assertThat(engine.open().localPort()).isEqualTo(18252);
            assertThatThrownBy(engine::open).isInstanceOf(IOException.class)
                    .hasMessageContaining("18250-18253").hasMessageContaining("taken by other programs");
            assertThat(squatter.getLocalPort()).isEqualTo(18250);
        }
    }

    @Test
    void aPairWhoseRtcpPortIsTakenByAnotherProgramIsSkippedWholly() throws IOException {
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(LOOPBACK, 18281));
             MediaEngine engine = new MediaEngine(LOOPBACK, 18280, 18283)) {
            assertThat(engine.open().localPort()).isEqualTo(18282);
            assertThat(canBind(18280)).as("the RTP port of the pair not taken is left free").isTrue();
        }
    }

    @Test
    void closingTheEngineClosesEveryLegAndFreesItsPorts() throws IOException {
        MediaEngine engine = new MediaEngine(LOOPBACK, 18260, 18269);
        MediaLeg one = engine.open();
        MediaLeg two = engine.open();

        engine.close();

        assertThat(engine.openLegs()).isZero();
        assertThat(canBind(one.localPort())).isTrue();
        assertThat(canBind(one.localPort() + 1)).as("its RTCP port").isTrue();
        assertThat(canBind(two.localPort())).isTrue();
        assertThatThrownBy(engine::open).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRangeWithoutAnEvenPortOrOutsideThePortsIsRefused() {
        assertThatThrownBy(() -> new MediaEngine(LOOPBACK, 18271, 18271)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no even port");
        assertThatThrownBy(() -> new MediaEngine(LOOPBACK, 18270, 18270)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no even port with the odd one after it");
        assertThatThrownBy(() -> new MediaEngine(LOOPBACK, 80, 90)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024-65535");
    }

    @Test
    void aLegOfAnotherEngineCannotBeBridged() throws IOException {
        try (MediaEngine first = new MediaEngine(LOOPBACK, 18272, 18275);
             MediaEngine second = new MediaEngine(LOOPBACK, 18276, 18279)) {
            MediaLeg mine = first.open();
            MediaLeg theirs = second.open();
            assertThatThrownBy(() -> mine.bridge(theirs)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> mine.bridge(mine)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static boolean canBind(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        try {
            MediaLegTest.await(condition);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
