package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A carrier that sends its calls to where its customer registered: Outdial registers with the trunk's credentials,
 * answering its challenge, renews before the registration lapses, takes a call sent to the registered contact for the
 * number in To, and ends the registration when it closes.
 */
@Tag("slow") // Calls against SIPp: left out of the fast suite.
class TrunkRegistrationTest {

    private Path workDir;
    private final int ourPort = Ports.free();
    private final int trunkPort = Ports.free();
    private Sipp registrar;
    private SipTelephony telephony;

    @BeforeEach
    void start(TestInfo test) {
        Sipp.requireSipp();
        workDir = Sipp.workDir(test);
    }

    @AfterEach
    void stop() {
        if (telephony != null) {
            telephony.close();
        }
        if (registrar != null) {
            registrar.close();
        }
    }

    @Test
    void outdialRegistersRenewsTakesTheCallsSentToItsContactAndUnregistersWhenItCloses() throws Exception {
        registrar = Sipp.serve("trunk-registrar.xml", trunkPort, Map.of("DIALED", "+4930555000",
                "OUTDIAL_PORT", String.valueOf(ourPort)), workDir);
        BlockingQueue<IncomingCall> offered = new LinkedBlockingQueue<>();
        telephony = registering();
        telephony.receiveCalls(offered::add);
        telephony.start();

        IncomingCall call = offered.poll(20, TimeUnit.SECONDS);
        assertThat(call).as("the carrier's call to the registered contact").isNotNull();
        assertThat(call.dialedNumber()).as("the number in To").isEqualTo("+4930555000");
        assertThat(telephony.trunkRegistration()).hasValueSatisfying(status -> {
            assertThat(status.state()).isEqualTo(TrunkRegistrationStatus.State.REGISTERED);
            assertThat(status.detail())
                    .isEqualTo("registered as trunk-user with 127.0.0.1:" + trunkPort + " for 3600 s");
        });
        call.refuse(IncomingCall.Refusal.UNKNOWN_NUMBER);

        telephony.close();
        telephony = null;
        registrar.assertPassed();
    }

    @Test
    void aRegistrationTheTrunkFindsTooBriefIsAskedAgainForItsMinimum() {
        registrar = Sipp.serve("trunk-registrar-minimum.xml", trunkPort, Map.of(), workDir);
        telephony = registering();
        telephony.start();

        Await.until("registered for the trunk's minimum", () -> telephony.trunkRegistration().orElseThrow().detail()
                .equals("registered as trunk-user with 127.0.0.1:" + trunkPort + " for 3600 s"));

        telephony.close();
        telephony = null;
        registrar.assertPassed();
    }

    @Test
    void whileThePrimaryTrunkDoesNotAnswerItsKeepAliveOutdialRegistersWithTheBackup() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            registrar = Sipp.serve("trunk-registrar-backup.xml", trunkPort, Map.of(), workDir, "-aa", "-m", "1000");
            telephony = registering(silent.getLocalPort(), Duration.ofMillis(200),
                    Optional.of(new InetSocketAddress("127.0.0.1", trunkPort)));
            telephony.start();

            Await.until("registered with the backup", () -> telephony.trunkRegistration().orElseThrow().detail()
                    .equals("registered as trunk-user with 127.0.0.1:" + trunkPort + " for 3600 s"));
            assertThat(telephony.trunkStatus().detail()).startsWith("backup 127.0.0.1:" + trunkPort + " in use");
        }
    }

    /** Outdial registering with the trunk (SIPp) as trunk-user, asking for 600 s. */
    private SipTelephony registering() {
        return registering(trunkPort, Duration.ofHours(1), Optional.empty());
    }

    /** Outdial registering as trunk-user with the trunk at {@code primaryPort} or {@code backup}, asking for 600 s. */
    private SipTelephony registering(int primaryPort, Duration keepAlive, Optional<InetSocketAddress> backup) {
        SipSettings settings = new SipSettings(new InetSocketAddress("127.0.0.1", ourPort), "127.0.0.1", 30000, 30099,
                new InetSocketAddress("127.0.0.1", primaryPort), SipSettings.Transport.UDP, Optional.of("trunk-user"),
                Optional.of("trunk-secret"), "outdial.test", TestSip.REALM, keepAlive, List.of(TestSip.LOOPBACK),
                Optional.of(Duration.ofSeconds(600)), TrunkNumbers.E164, Optional.empty(), backup, Optional.empty(),
                SipSettings.Srtp.WHERE_OFFERED, Optional.empty(), TestSip.RTCP_INTERVAL);
        return new SipTelephony(settings, TestSip.PHONES, uri -> Optional.empty(), ignored -> new FakeMedia(), TestSip.T1);
    }

    @Test
    void withoutRegistrationSetNothingIsRegistered() {
        telephony = new SipTelephony(TestSip.settings(ourPort, trunkPort), TestSip.PHONES, uri -> Optional.empty(),
                ignored -> new FakeMedia(), TestSip.T1);
        telephony.start();

        assertThat(telephony.trunkRegistration()).isEmpty();
    }
}
