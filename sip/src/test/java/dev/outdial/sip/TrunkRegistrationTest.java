package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

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
            assertThat(status.detail()).isEqualTo("registered as trunk-user for 3600 s");
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
                .equals("registered as trunk-user for 3600 s"));

        telephony.close();
        telephony = null;
        registrar.assertPassed();
    }

    /** Outdial registering with the trunk (SIPp) as trunk-user, asking for 600 s. */
    private SipTelephony registering() {
        SipSettings settings = new SipSettings(new InetSocketAddress("127.0.0.1", ourPort), "127.0.0.1", 30000, 30099,
                new InetSocketAddress("127.0.0.1", trunkPort), SipSettings.Transport.UDP, Optional.of("trunk-user"),
                Optional.of("trunk-secret"), "outdial.test", TestSip.REALM, Duration.ofHours(1), List.of(TestSip.LOOPBACK),
                Optional.of(Duration.ofSeconds(600)), TrunkNumbers.E164, Optional.empty(),
                Optional.empty(), Optional.empty());
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
