package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.sip.media.CallRecording;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** Starting, refusing what Outdial does not take, and closing with calls still up. */
@Tag("slow") // Calls against SIPp: left out of the fast suite.
class SipTelephonyLifecycleTest {

    private final FakeMedia media = new FakeMedia();
    private SipTelephony telephony;
    private Sipp sipp;

    @AfterEach
    void stop() {
        if (telephony != null) {
            telephony.close();
        }
        if (sipp != null) {
            sipp.close();
        }
    }

    private SipTelephony start(SipSettings settings) {
        telephony = new SipTelephony(settings, username -> Optional.empty(), uri -> Optional.empty(),
                ignored -> media, TestSip.T1);
        telephony.start();
        return telephony;
    }

    @Test
    void whatARecordingKilledMidCallLeftInTheSpoolIsKeptAsItsCallsRecordingOnTheNextStart(@TempDir Path spool)
            throws Exception {
        CallRecording left = new CallRecording(spool, "killed-call", 0, ignored -> { });
        for (int i = 0; i < 250; i++) { // five seconds, four of which reached the disk
            left.said(new short[160], 160, i * 20_000_000L);
        }
        Instant killed = Instant.now().minus(Duration.ofMinutes(5));
        try (var files = Files.list(spool)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(killed));
            }
        }
        BlockingQueue<String> kept = new LinkedBlockingQueue<>();

        new SipTelephony(TestSip.settings(Ports.free(), 5060), username -> Optional.empty(), uri -> Optional.empty(),
                ignored -> media, TestSip.T1).keepRecordings(new CallRecordings(spool,
                (call, wav, length) -> kept.add(call.value() + " " + length + " " + Files.size(wav))));

        assertThat(kept.poll(10, TimeUnit.SECONDS)).isEqualTo("killed-call PT4.096S " + (44 + 4 * 32768));
        Await.until("the spool emptied", () -> spool.toFile().list().length == 0);
        left.close();
    }

    @Test
    void aListenPortTakenIsReportedWithItsSetting() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            SipTelephony sip = new SipTelephony(TestSip.settings(taken.getLocalPort(), 5060), username -> Optional.empty(),
                    uri -> Optional.empty(), ignored -> media, TestSip.T1);

            assertThatThrownBy(sip::start).hasMessageContaining("outdial.telephony.sip.listen")
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }

    @Test
    void aListenPortTakenForTcpAloneIsReportedWithItsSettingAndItsUdpPortIsFreedAgain() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            SipTelephony sip = new SipTelephony(TestSip.settings(port, 5060), username -> Optional.empty(),
                    uri -> Optional.empty(), ignored -> media, TestSip.T1);

            assertThatThrownBy(sip::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("outdial.telephony.sip.listen").hasMessageContaining(String.valueOf(port));
            try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                assertThat(udp.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void anRtpRangeThatCannotBeUsedIsReportedWithItsSetting() {
        SipSettings settings = new SipSettings(new InetSocketAddress("192.0.2.1", Ports.free()), "192.0.2.1",
                30000, 30099, new InetSocketAddress("127.0.0.1", 5060), SipSettings.Transport.UDP, Optional.empty(),
                Optional.empty(), "outdial.test", "outdial.test", Duration.ofHours(1), List.of(TestSip.LOOPBACK),
                Optional.empty(), TrunkNumbers.E164, Optional.empty(),
                Optional.empty(), Optional.empty(), SipSettings.Srtp.WHERE_OFFERED,
                Optional.empty(), TestSip.RTCP_INTERVAL);
        SipTelephony sip = new SipTelephony(settings, username -> Optional.empty(), uri -> Optional.empty());

        // 192.0.2.1 (TEST-NET) is no address of this machine: whichever binds first names its setting.
        assertThatThrownBy(sip::start).hasMessageMatching("outdial\\.telephony\\.sip\\.(rtp-ports|listen).*");
    }

    @Test
    void closingEndsTheCallsStillUp(TestInfo test) {
        Sipp.requireSipp();
        Path workDir = Sipp.workDir(test);
        int carrierPort = Ports.free();
        sipp = Sipp.serve("carrier-rings-forever.xml", carrierPort, Map.of(), workDir);
        CallEvents events = new CallEvents();
        start(TestSip.settings(Ports.free(), carrierPort)).place(new CallId("customer"), "+4930999000", "+4930555123", Duration.ofSeconds(60), events);
        events.next(CallEvent.Ringing.class);

        telephony.close();
        telephony = null;

        assertThat(events.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.NOANSWER);
        sipp.assertPassed();
        assertThat(media.legs.getFirst().closed).isTrue();
    }

    @Test
    void anOptionsFromOutsideIsAnsweredAndAnIncomingCallRefused(TestInfo test) {
        Sipp.requireSipp();
        int port = Ports.free();
        start(TestSip.settings(port, Ports.free()));

        sipp = Sipp.call("outsider-requests.xml", "127.0.0.1:" + port, Ports.free(), Map.of(), Sipp.workDir(test));

        sipp.assertPassed();
    }
}
