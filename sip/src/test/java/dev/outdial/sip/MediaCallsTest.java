package dev.outdial.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallEvent.HungUp.Cause;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.MachineDetection;
import dev.outdial.engine.port.Telephony;
import dev.outdial.sip.media.Codec;
import dev.outdial.sip.media.MediaLeg;
import dev.outdial.sip.media.SpokenAudio;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Calls with real media: SIPp's carrier sends G.711 audio (its g711a.pcap) and RFC 4733 keys (its
 * dtmf_2833 captures) to the RTP port Outdial offered; an agent's SIPp phone echoes what it hears, so
 * a bridged customer's audio is seen reaching the agent and coming back.
 */
@Tag("slow") // Calls against SIPp: left out of the fast suite.
class MediaCallsTest {

    private static final Path PCAPS = Path.of("/usr/share/sip-tester");
    private static final AgentId ANNA = TestSip.ANNA;

    private Path workDir;
    private final int ourPort = Ports.free();
    private final int carrierPort = Ports.free();
    private final List<Sipp> sipps = new CopyOnWriteArrayList<>();
    private final List<Sipp> carriers = new CopyOnWriteArrayList<>();
    private RecordingMedia media;
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private SipTelephony telephony;

    @BeforeEach
    void start(TestInfo test) {
        Sipp.requireSipp();
        workDir = Sipp.workDir(test);
        media = new RecordingMedia();
        start(TestSip.settings(ourPort, carrierPort));
    }

    private void start(SipSettings settings) {
        PromptSource prompts = uri -> {
            opened.add(uri);
            return Optional.of(new ByteArrayInputStream(toneWav(Duration.ofMillis(400))));
        };
        telephony = new SipTelephony(settings, TestSip.PHONES, prompts, ignored -> media, TestSip.T1);
        telephony.start();
    }

    /** A 440 Hz tone as an uploaded WAV: 8 kHz, 16-bit, mono. */
    private static byte[] toneWav(Duration length) {
        int samples = (int) (8000 * length.toMillis() / 1000);
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000)));
        }
        return wav.array();
    }

    @AfterEach
    void stop() {
        // Without SIPp (outside CI) the set-up aborts the test before the telephony starts.
        if (telephony != null) {
            telephony.close();
        }
        sipps.forEach(Sipp::close);
    }

    private Sipp carrier(String afterAnswer) {
        return carrier(afterAnswer, Map.of());
    }

    private Sipp carrier(String afterAnswer, Map<String, String> answer) {
        Map<String, String> replace = new HashMap<>(answer);
        replace.put("AFTER_ANSWER", afterAnswer);
        Sipp carrier = Sipp.serve("carrier-answers.xml", carrierPort, SippSteps.carrierAnswering(replace), workDir,
                "-mp", String.valueOf(Ports.media()));
        sipps.add(carrier);
        return carrier;
    }

    /** A call to the carrier, which rings and answers. */
    private CallId answeredCall(CallEvents events) {
        CallId call = new CallId("call");
        telephony.place(call, "+4930999000", "+4930555123", Duration.ofSeconds(60), events);
        events.next(CallEvent.Ringing.class);
        events.next(CallEvent.Answered.class);
        return call;
    }

    private static String playing(String pcap) {
        return playing(PCAPS.resolve(pcap));
    }

    private static String playing(Path pcap) {
        return "  <nop><action><exec play_pcap_audio=\"" + pcap + "\"/></action></nop>\n";
    }

    @Test
    void theQualityOfTheCustomersAudioIsToldAsTheCallEnds() throws InterruptedException {
        // a second of voice, four of its fifty packets lost on the way (and the last one sent, so the loss shows)
        Set<Integer> lost = Set.of(10, 11, 12, 30);
        Path speaking = RtpCapture.write(workDir.resolve("lossy.pcap"), Codec.PCMA, SpokenAudio.voice(1000),
                packet -> !lost.contains(packet));
        BlockingQueue<Map.Entry<CallId, AudioQuality>> told = new LinkedBlockingQueue<>();
        List<Optional<AudioQuality>> agents = new CopyOnWriteArrayList<>();
        telephony.tellOfCallQuality((leg, quality) -> {
            agents.add(Optional.ofNullable(quality.agent()));
            told.add(Map.entry(leg, quality.customer()));
        });
        Sipp carrier = carrier(playing(speaking) + SippSteps.OUTDIAL_HANGS_UP);
        CallEvents events = new CallEvents();
        CallId call = answeredCall(events);

        Await.until("the carrier's second of audio to arrive", () -> media.legs.getFirst().stats().packetsReceived()
                >= 46);
        telephony.hangUp(call);
        events.next(CallEvent.HungUp.class);
        carrier.assertPassed();

        Map.Entry<CallId, AudioQuality> measured = told.poll(15, TimeUnit.SECONDS);
        assertThat(measured).as("the call's quality, told").isNotNull();
        assertThat(measured.getKey()).isEqualTo(call);
        AudioQuality quality = measured.getValue();
        assertThat(quality.packetsExpected()).as("the sequence numbers of a second's packets").isEqualTo(50);
        assertThat(quality.packetsLost()).isEqualTo(4);
        assertThat(quality.lossRatio()).isEqualTo(0.08);
        assertThat(quality.maxJitterMillis()).isGreaterThanOrEqualTo(quality.meanJitterMillis());
        assertThat(told).as("told once").isEmpty();
        assertThat(agents).as("no agent's phone was bridged to it").containsExactly(Optional.empty());
    }

    @Test
    void theCarriersAudioArrivesOnTheAnsweredLeg() {
        Sipp carrier = carrier(playing("g711a.pcap") + SippSteps.OUTDIAL_HANGS_UP);
        CallEvents events = new CallEvents();
        CallId call = answeredCall(events);
        MediaLeg leg = media.legs.getFirst();

        Await.until("the carrier's audio arrives", () -> leg.stats().packetsReceived() >= 20);
        Await.until("Outdial sends the carrier its own stream (silence)", () -> leg.stats().packetsSent() >= 20);
        telephony.hangUp(call);

        events.next(CallEvent.HungUp.class);
        carrier.assertPassed();
    }

    @Test
    void aCallWhoseCarrierFallsSilentIsTakenForLostOnceItsAudioIsOverAndEnded() {
        telephony.close(); // and its media
        media = new RecordingMedia();
        start(TestSip.settings(ourPort, carrierPort).withMediaTimeout(Optional.of(Duration.ofSeconds(1))));
        Path speaking = RtpCapture.write(workDir.resolve("then-silent.pcap"), Codec.PCMA, SpokenAudio.voice(3000));
        Sipp carrier = carrier(playing(speaking) + SippSteps.OUTDIAL_HANGS_UP);
        CallEvents events = new CallEvents();

        answeredCall(events);

        assertThat(events.next(CallEvent.HungUp.class).cause()).as("the network lost it").isEqualTo(Cause.LINE_LOST);
        carrier.assertPassed();
        assertThat(media.legs.getFirst().stats().packetsReceived()).as("not before the carrier's 3 s of audio were over")
                .isGreaterThanOrEqualTo(150);
    }

    @Test
    void promptsPlayInTurnAndTheCallEndsAfterTheLast() {
        Sipp carrier = carrier(SippSteps.OUTDIAL_HANGS_UP);
        CallEvents events = new CallEvents();
        CallId call = answeredCall(events);

        telephony.play(call, new Telephony.Prompt.AudioFile("prompt:welcome"));
        telephony.play(call, new Telephony.Prompt.AudioFile("prompt:menu"));
        telephony.play(call, new Telephony.Prompt.AudioFile("prompt:welcome"));
        telephony.hangUpAfterPrompts(call);

        assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.PLATFORM);
        carrier.assertPassed();
        // Three clips of 400 ms are 60 packets of 20 ms; each upload was read and converted once.
        assertThat(media.legs.getFirst().stats().packetsSent()).isGreaterThanOrEqualTo(60);
        assertThat(opened).containsExactlyInAnyOrder("prompt:welcome", "prompt:menu");
    }

    @Test
    void loopedMusicStoppedLetsTheNextPromptPlayAndTheCallEndAfterIt() {
        Sipp carrier = carrier(SippSteps.OUTDIAL_HANGS_UP);
        CallEvents events = new CallEvents();
        CallId call = answeredCall(events);

        // Asked at once, as a queue does when a caller asks for a callback: the music may still be converting.
        telephony.playLooped(call, new Telephony.Prompt.AudioFile("prompt:music"));
        telephony.stopPlaying(call);
        telephony.play(call, new Telephony.Prompt.AudioFile("prompt:notification"));
        telephony.hangUpAfterPrompts(call);

        assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.PLATFORM);
        carrier.assertPassed();
        assertThat(opened).containsExactly("prompt:music", "prompt:notification");
    }

    /**
     * The customer presses a key ({@code pressing} plays its capture) again and again until Outdial hangs up, so a
     * press comes after the collection starts whenever the test gets there; the key collected.
     */
    private String keyCollected(String pressing, Map<String, String> answer) {
        String pressingUntilHungUp = """
                  <label id="press"/>
                """ + pressing + """
                  <recv request="BYE" timeout="500" ontimeout="press"/>
                """ + SippSteps.ok();
        Sipp carrier = carrier(pressingUntilHungUp, answer);
        CallEvents events = new CallEvents();
        CallId call = answeredCall(events);

        telephony.collectDigits(call, 1, Duration.ofSeconds(15));

        String digits = events.next(CallEvent.DigitsCollected.class).digits();
        telephony.hangUp(call);
        events.next(CallEvent.HungUp.class);
        carrier.assertPassed();
        return digits;
    }

    @Test
    void aKeyTheCustomerPressesIsCollected() {
        assertThat(keyCollected(playing("dtmf_2833_1.pcap"), Map.of())).isEqualTo("1");
    }

    @Test
    void aKeyTheCustomerPressesIsCollectedFromTheTonesWhereTheirSideSendsNoEvents() {
        Path four = RtpCapture.write(workDir.resolve("four.pcap"), Codec.PCMA,
                SpokenAudio.joined(SpokenAudio.dtmf('4', 120), SpokenAudio.silence(300)));

        assertThat(keyCollected(playing(four), SippSteps.WITHOUT_EVENTS)).isEqualTo("4");
    }

    /** Anna's phone, registered, which answers, echoes what it hears and waits for Outdial to hang up. */
    private Sipp annasEchoingPhone() {
        return annasPhone(Ports.free(), SippSteps.OUTDIAL_HANGS_UP, "waits for Outdial to hang up", "-rtp_echo");
    }

    private static String annasContact(int phonePort) {
        return "<sip:anna@127.0.0.1:" + phonePort + ">";
    }

    /** Anna's phone on {@code phonePort}, registered, which answers and then does {@code afterAnswer}. */
    private Sipp annasPhone(int phonePort, String afterAnswer, String afterAnswerText, String... options) {
        Sipp registering = Sipp.call("phone-registers.xml", "127.0.0.1:" + ourPort, Ports.free(), Map.of("USER", "anna",
                "PASSWORD", "s3cret", "EXPIRES", "3600", "CONTACT", annasContact(phonePort),
                "FINAL", "200", "EXPECT", "SIP/2.0 200"), workDir);
        sipps.add(registering);
        registering.assertPassed();
        List<String> arguments = new ArrayList<>(List.of("-mp", String.valueOf(Ports.media())));
        arguments.addAll(List.of(options));
        Sipp phone = Sipp.serve("phone-answers.xml", phonePort, Map.of("USER", "anna",
                "CONTACT", annasContact(phonePort), "AFTER_ANSWER", afterAnswer,
                "AFTER_ANSWER_TEXT", afterAnswerText), workDir, arguments.toArray(String[]::new));
        sipps.add(phone);
        return phone;
    }

    /** A customer's call answered and bridged to Anna's phone, the customer's side recorded into {@code recorded}. */
    private record BridgedCall(CallEvents customer, CallId customerLeg, CallEvents agent, CallId agentLeg,
                               BlockingQueue<byte[]> recorded) {
    }

    private BridgedCall recordedCallBridgedToAnna() {
        CallEvents customer = new CallEvents();
        CallId customerLeg = new CallId("customerLeg");
        telephony.place(customerLeg, "+4930999000", "+4930555123", Duration.ofSeconds(60), customer);
        customer.next(CallEvent.Ringing.class);
        customer.next(CallEvent.Answered.class);
        CallEvents agent = new CallEvents();
        CallId agentLeg = annaAnswered(agent);
        BlockingQueue<byte[]> recorded = recordingOf(customerLeg);
        telephony.bridge(customerLeg, agentLeg);
        return new BridgedCall(customer, customerLeg, agent, agentLeg, recorded);
    }

    /** Outdial hangs up both legs; the customer's recording once kept. */
    private byte[] hungUp(BridgedCall call, Sipp phone, Sipp carrier) throws InterruptedException {
        telephony.hangUp(call.agentLeg());
        telephony.hangUp(call.customerLeg());
        call.agent().next(CallEvent.HungUp.class);
        call.customer().next(CallEvent.HungUp.class);
        phone.assertPassed();
        carrier.assertPassed();
        byte[] wav = call.recorded().poll(15, TimeUnit.SECONDS);
        assertThat(wav).isNotNull();
        return wav;
    }

    @Test
    void aSupervisorListeningInHearsTheCustomerAndIsHungUpWithTheCall() throws InterruptedException {
        // What the supervisor's phone sends back is its echo of what it hears: recorded as what they "say".
        byte[] wav = recordedWhileAnnaListens(true, (call, ear, earMedia) -> { });

        assertThat(loudMillis(wav, 0)).as("the customer's speech, heard by the supervisor").isGreaterThan(500);
        assertThat(media.legs.get(0).stats().packetsRelayed()).as("nothing of the supervisor reaches the customer")
                .isZero();
    }

    @Test
    void aSupervisorWhoPressesThreeBargesInAndTheCustomerHearsThem() throws InterruptedException {
        ToldActions phones = new ToldActions();
        telephony.tellOfPhoneActions(phones);
        byte[] wav = recordedWhileAnnaListens(false, (call, ear, earMedia) -> earMedia.keySignalled('3'));

        assertThat(loudMillis(wav, 1)).as("the supervisor, heard by the customer once barged in").isGreaterThan(500);
        assertThat(phones.told).as("the key's change and the listening's end, told for the call's history")
                .containsExactly("call by " + ANNA.value() + " BARGE", "call by " + ANNA.value() + " ended");
    }

    @Test
    void aSupervisorListeningAndAskedToBargeInIsNotRungAgainAndTheCustomerHearsThem() throws InterruptedException {
        byte[] wav = recordedWhileAnnaListens(false, (call, ear, earMedia) -> {
            assertThat(telephony.changeListening(new CallId("another-call"), ANNA, ListeningMode.BARGE)).isEmpty();
            assertThat(telephony.changeListening(call, ANNA, ListeningMode.BARGE))
                    .contains(new ListeningChange(ear, Optional.empty()));
        });

        assertThat(loudMillis(wav, 1)).as("the supervisor, heard by the customer once barged in").isGreaterThan(500);
        assertThat(media.legs).as("no leg opened to ring the supervisor again").hasSize(2);
    }

    /** What the phones did of their own accord, as told for the calls' histories. */
    private static final class ToldActions implements PhoneActions {

        final List<String> told = new CopyOnWriteArrayList<>();

        @Override
        public void customerHeld(CallId customerLeg, boolean held) {
            told.add(customerLeg.value() + (held ? " held" : " off hold"));
        }

        @Override
        public void customersPhoneHolds(CallId customerLeg, boolean holds) {
            told.add(customerLeg.value() + (holds ? " held by the customer" : " taken off hold by the customer"));
        }

        @Override
        public void listeningChanged(CallId call, AgentId supervisor, ListeningMode mode) {
            told.add(call.value() + " by " + supervisor.value() + " " + mode);
        }

        @Override
        public void listeningEnded(CallId call, AgentId supervisor) {
            told.add(call.value() + " by " + supervisor.value() + " ended");
        }
    }

    /** What the supervisor listening in on {@code call} on {@code ear} does once their phone answered. */
    private interface WhileListening {
        void then(CallId call, CallId ear, MediaLeg earMedia);
    }

    /**
     * The recording of a customer's call that Anna's echoing phone listens in on, doing {@code meanwhile} once answered,
     * until Outdial hangs up a second and a half of echo later: of her leg where {@code hersRecorded} (what she "says",
     * her phone's echo of what she hears), else of the customer's (what they say, and what they hear).
     */
    private byte[] recordedWhileAnnaListens(boolean hersRecorded, WhileListening meanwhile) throws InterruptedException {
        Sipp phone = annasEchoingPhone();
        Path speaking = RtpCapture.write(workDir.resolve("speaking.pcap"), Codec.PCMA, SpokenAudio.voice(8000));
        Sipp carrier = carrier(playing(speaking) + SippSteps.OUTDIAL_HANGS_UP);
        CallEvents customer = new CallEvents();
        CallId call = answeredCall(customer);
        BlockingQueue<byte[]> recorded = new LinkedBlockingQueue<>();
        telephony.keepRecordings(new CallRecordings(workDir.resolve("spool"),
                (leg, wav, length) -> recorded.add(Files.readAllBytes(wav))));
        if (!hersRecorded) {
            telephony.record(call);
        }

        CallEvents supervisor = new CallEvents();
        CallId ear = telephony.listenIn(call, ANNA, ListeningMode.LISTEN, Duration.ofSeconds(30), supervisor);
        supervisor.next(CallEvent.Ringing.class);
        supervisor.next(CallEvent.Answered.class);
        if (hersRecorded) {
            telephony.record(ear);
        }
        MediaLeg earMedia = media.legs.get(1);
        meanwhile.then(call, ear, earMedia);
        long echoed = earMedia.stats().packetsReceived();
        Await.until("a second and a half of the supervisor's phone's echo",
                () -> earMedia.stats().packetsReceived() >= echoed + 75);
        telephony.hangUp(call);

        customer.next(CallEvent.HungUp.class);
        supervisor.next(CallEvent.HungUp.class);
        phone.assertPassed();
        carrier.assertPassed();
        byte[] wav = recorded.poll(15, TimeUnit.SECONDS);
        assertThat(wav).isNotNull();
        assertThat(telephony.changeListening(call, ANNA, ListeningMode.LISTEN)).as("the listening is over").isEmpty();
        return wav;
    }

    @Test
    void listeningInWithoutARegisteredPhoneOrOnACallThatIsNotUpFailsAtOnce() {
        Sipp carrier = carrier(SippSteps.OUTDIAL_HANGS_UP);
        CallEvents customer = new CallEvents();
        CallId call = answeredCall(customer);

        CallEvents noPhone = new CallEvents();
        telephony.listenIn(call, ANNA, ListeningMode.LISTEN, Duration.ofSeconds(30), noPhone);
        assertThat(noPhone.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.NOANSWER);
        CallEvents noCall = new CallEvents();
        telephony.listenIn(new CallId("no-such-call"), ANNA, ListeningMode.LISTEN, Duration.ofSeconds(30), noCall);
        assertThat(noCall.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.NOANSWER);

        telephony.hangUp(call);
        customer.next(CallEvent.HungUp.class);
        carrier.assertPassed();
    }

    @Test
    void anAgentsPhonePuttingTheCallOnHoldIsAnsweredRecvonlyAndTheCustomerHearsTheHoldMusic()
            throws InterruptedException {
        int phonePort = Ports.free();
        String contact = annasContact(phonePort);
        String holdsThenResumes = "  <pause milliseconds=\"1000\"/>\n"
                + SippSteps.reOffers("anna", contact, 20, "sendonly", "recvonly")
                + "  <pause milliseconds=\"3000\"/>\n"
                + SippSteps.reOffers("anna", contact, 21, "sendrecv", "sendrecv")
                + SippSteps.OUTDIAL_HANGS_UP;
        Sipp phone = annasPhone(phonePort, holdsThenResumes, "holds the call, then takes it off hold");
        Path speaking = RtpCapture.write(workDir.resolve("speaking.pcap"), Codec.PCMA, SpokenAudio.voice(8000));
        Sipp carrier = carrier(playing(speaking) + SippSteps.OUTDIAL_HANGS_UP);

        ToldActions phones = new ToldActions();
        telephony.tellOfPhoneActions(phones);
        BridgedCall call = recordedCallBridgedToAnna();
        telephony.holdMusic(call.customerLeg(), new Telephony.Prompt.AudioFile("audio:music"));

        MediaLeg customerMedia = media.legs.get(0);
        MediaLeg agentMedia = media.legs.get(1);
        long sentBeforeHold = customerMedia.stats().packetsSent(); // the phone echoes nothing: only the tone is sent
        Await.until("a second and a half of the hold music sent to the customer",
                () -> customerMedia.stats().packetsSent() >= sentBeforeHold + 75);
        long relayedOnHold = agentMedia.stats().packetsRelayed();
        Await.until("the customer relayed to the agent again, off hold",
                () -> agentMedia.stats().packetsRelayed() >= relayedOnHold + 25);
        byte[] wav = hungUp(call, phone, carrier);
        assertThat(opened).containsExactly("audio:music");
        assertThat(loudMillis(wav, 1)).as("the music (a 440 Hz tone), looped, heard by the customer")
                .isGreaterThanOrEqualTo(1000);
        assertThat(phones.told).as("the phone's Hold button, told for the call's history")
                .containsExactly("customerLeg held", "customerLeg off hold");
    }

    @Test
    void theCustomersOwnPhoneHoldingTheBridgedCallIsToldForItsHistory() throws InterruptedException {
        Sipp phone = annasEchoingPhone();
        String contact = "<sip:carrier@[local_ip]:[local_port]>";
        Path speaking = RtpCapture.write(workDir.resolve("speaking.pcap"), Codec.PCMA, SpokenAudio.voice(4000));
        // the customer holds once the call is bridged: Anna's phone answers within milliseconds, three seconds are ample
        Sipp carrier = carrier(playing(speaking) + "  <pause milliseconds=\"3000\"/>\n"
                + SippSteps.reOffers("carrier", contact, 20, "sendonly", "recvonly")
                + SippSteps.reOffers("carrier", contact, 21, "sendrecv", "sendrecv")
                + SippSteps.OUTDIAL_HANGS_UP);
        ToldActions phones = new ToldActions();
        telephony.tellOfPhoneActions(phones);

        BridgedCall call = recordedCallBridgedToAnna();

        Await.until("the hold and its end told", () -> phones.told.size() >= 2);
        hungUp(call, phone, carrier);
        assertThat(phones.told).containsExactly("customerLeg held by the customer",
                "customerLeg taken off hold by the customer");
    }

    @Test
    void aBridgedCustomerIsHeardByTheAgentAndTheAgentByTheCustomer() throws InterruptedException {
        Sipp phone = annasEchoingPhone();
        Path speaking = RtpCapture.write(workDir.resolve("speaking.pcap"), Codec.PCMA, SpokenAudio.voice(4000));
        Sipp carrier = carrier(playing(speaking) + SippSteps.OUTDIAL_HANGS_UP);
        BlockingQueue<Optional<AudioQuality>> agentsAudio = new LinkedBlockingQueue<>();
        telephony.tellOfCallQuality((leg, quality) -> agentsAudio.add(Optional.ofNullable(quality.agent())));

        BridgedCall call = recordedCallBridgedToAnna();

        MediaLeg customerMedia = media.legs.get(0);
        MediaLeg agentMedia = media.legs.get(1);
        Await.until("the customer's audio reaches the agent", () -> agentMedia.stats().packetsRelayed() >= 20);
        Await.until("the agent's (echoed) audio reaches the customer",
                () -> customerMedia.stats().packetsRelayed() >= 50);
        CallQuality now = telephony.qualityNow(call.customerLeg()).orElseThrow();
        assertThat(now.customer().packetsExpected()).as("the customer's audio so far").isPositive();
        assertThat(now.agent()).as("the agent's phone's, bridged now").isNotNull();
        assertThat(now.agent().packetsExpected()).isPositive();
        assertThat(telephony.qualityNow(new CallId("no-such-call"))).isEmpty();
        byte[] wav = hungUp(call, phone, carrier);
        Await.until("nothing measured now of a call over", () -> telephony.qualityNow(call.customerLeg()).isEmpty());
        assertThat(loudMillis(wav, 0)).as("the customer's speech").isGreaterThan(200);
        assertThat(loudMillis(wav, 1)).as("the agent's, relayed to the customer: here their phone's echo of it")
                .isGreaterThan(200);
        Optional<AudioQuality> agent = agentsAudio.poll(15, TimeUnit.SECONDS);
        assertThat(agent).as("the call's quality, told").isNotNull();
        assertThat(agent).as("the agent's phone's audio while bridged to the customer").hasValueSatisfying(quality ->
                assertThat(quality.packetsExpected()).isGreaterThanOrEqualTo(50)
                        .isLessThanOrEqualTo(agentMedia.stats().packetsReceived()));
    }

    @Test
    void anAgentCalledFirstHearsTheNetworksAudioWhileTheCustomerRingsAndIsNotHeardThere() {
        Sipp phone = annasEchoingPhone();
        Path early = RtpCapture.write(workDir.resolve("early.pcap"), Codec.PCMA, SpokenAudio.voice(4000));
        Sipp carrier = Sipp.serve("carrier-announces.xml", carrierPort, Map.of("EARLY_MEDIA", playing(early)), workDir,
                "-mp", String.valueOf(Ports.media()));
        sipps.add(carrier);
        CallEvents agent = new CallEvents();
        CallId agentLeg = annaAnswered(agent);
        CallEvents customer = new CallEvents();
        CallId customerLeg = new CallId("customerLeg");
        telephony.place(customerLeg, "+4930999000", "+4930555123", Duration.ofSeconds(60), customer);
        customer.next(CallEvent.Ringing.class);

        telephony.agentHearsRinging(customerLeg, ANNA);

        MediaLeg agentMedia = media.legs.get(0);
        MediaLeg customerMedia = media.legs.get(1);
        Await.until("the network's early audio reaches the agent", () -> agentMedia.stats().packetsRelayed() >= 50);
        assertThat(customerMedia.stats().packetsRelayed()).as("the agent's phone (its echo) is not heard by the network")
                .isZero();
        telephony.hangUp(customerLeg);
        assertThat(customer.next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.NOANSWER);
        carrier.assertPassed();
        telephony.hangUp(agentLeg);
        agent.next(CallEvent.HungUp.class);
        phone.assertPassed();
    }

    @Test
    void anAgentCalledFirstHearsTheRingBackOfTheCustomersCountryWhereTheNetworkSendsNoAudio() throws Exception {
        Sipp carrier = Sipp.serve("carrier-rings-forever.xml", carrierPort, Map.of(), workDir);
        sipps.add(carrier);
        WaitingAnna anna = annaWaitsOnACallTo("+12125550123");

        anna.awaitSent(150); // three seconds
        telephony.hangUp(anna.customerLeg());
        anna.customer().next(CallEvent.Failed.class);
        carrier.assertPassed();

        assertThat(loudMillis(recordingOnceAnnaHangsUp(anna), 1)).as("North America's ring-back, 2 s on, 4 off")
                .isBetween(1900, 2060);
    }

    @Test
    void anAgentWaitingOnACallThatTurnsOutBusyHearsTheBusyToneOfTheCustomersCountry() throws Exception {
        Sipp carrier = Sipp.serve("carrier-fails.xml", carrierPort, Map.of("STATUS", "486 Busy Here",
                "PROVISIONAL_SEND", SippSteps.RINGS + "  <pause milliseconds=\"1000\"/>\n",
                "PROVISIONAL", "rings for a second", "HEADERS", ""), workDir);
        sipps.add(carrier);
        WaitingAnna anna = annaWaitsOnACallTo("+4930555123");

        assertThat(anna.customer().next(CallEvent.Failed.class).reason()).isEqualTo(CallResult.BUSY);
        carrier.assertPassed();
        anna.awaitSent(200); // four seconds

        assertThat(loudMillis(recordingOnceAnnaHangsUp(anna), 1))
                .as("up to a second of 425 Hz ring-back, then three half-second beats of busy").isBetween(2000, 2560);
    }

    /** Anna, on her phone and recorded from then on, waiting on a call to a customer that rings, and told to hear it. */
    private record WaitingAnna(Sipp phone, CallEvents agent, CallId agentLeg, BlockingQueue<byte[]> recorded,
                               CallEvents customer, CallId customerLeg, MediaLeg agentMedia, long sentBefore) {

        /** Until her leg has sent {@code packets} of what she hears since she was told to hear the call. */
        void awaitSent(long packets) {
            Await.until(packets + " packets of what the agent hears",
                    () -> agentMedia.stats().packetsSent() >= sentBefore + packets);
        }
    }

    private WaitingAnna annaWaitsOnACallTo(String number) {
        Sipp phone = annasPhone(Ports.free(), SippSteps.OUTDIAL_HANGS_UP, "waits for Outdial to hang up");
        CallEvents agent = new CallEvents();
        CallId agentLeg = annaAnswered(agent);
        BlockingQueue<byte[]> recorded = recordingOf(agentLeg);
        CallEvents customer = new CallEvents();
        CallId customerLeg = new CallId("customerLeg");
        telephony.place(customerLeg, "+4930999000", number, Duration.ofSeconds(60), customer);
        customer.next(CallEvent.Ringing.class);
        MediaLeg agentMedia = media.legs.get(0);
        long sentBefore = agentMedia.stats().packetsSent();
        telephony.agentHearsRinging(customerLeg, ANNA);
        return new WaitingAnna(phone, agent, agentLeg, recorded, customer, customerLeg, agentMedia, sentBefore);
    }

    /** Outdial hangs Anna's phone up: the recording of what she heard, once kept. */
    private byte[] recordingOnceAnnaHangsUp(WaitingAnna anna) throws InterruptedException {
        telephony.hangUp(anna.agentLeg());
        anna.agent().next(CallEvent.HungUp.class);
        anna.phone().assertPassed();
        byte[] wav = anna.recorded().poll(15, TimeUnit.SECONDS);
        assertThat(wav).as("the recording of her leg").isNotNull();
        return wav;
    }

    /** Records {@code leg} from now on: its recording, once kept. */
    private BlockingQueue<byte[]> recordingOf(CallId leg) {
        BlockingQueue<byte[]> recorded = new LinkedBlockingQueue<>();
        telephony.keepRecordings(new CallRecordings(workDir.resolve("spool"),
                (call, wav, length) -> recorded.add(Files.readAllBytes(wav))));
        telephony.record(leg);
        return recorded;
    }

    /** Anna's phone, rung and answered: her leg. */
    private CallId annaAnswered(CallEvents agent) {
        CallId agentLeg = telephony.ringAgent(ANNA, Duration.ofSeconds(30), agent);
        agent.next(CallEvent.Ringing.class);
        agent.next(CallEvent.Answered.class);
        return agentLeg;
    }

    @Test
    void aRecordedCallKeepsWhatTheCustomerSaidAndWhatTheyHeardEachOnAChannel() throws Exception {
        BlockingQueue<byte[]> kept = new LinkedBlockingQueue<>();
        telephony.keepRecordings(new CallRecordings(workDir.resolve("spool"), (call, wav, length) -> {
            assertThat(call.value()).isEqualTo("call");
            kept.add(Files.readAllBytes(wav));
        }));
        // the customer speaks for a second, then is silent; Outdial plays its 400 ms tone meanwhile
        Path saying = RtpCapture.write(workDir.resolve("saying.pcap"), Codec.PCMA,
                SpokenAudio.joined(SpokenAudio.voice(1000), SpokenAudio.silence(3000)));
        Sipp carrier = carrier(playing(saying) + SippSteps.OUTDIAL_HANGS_UP);
        CallEvents events = new CallEvents();
        CallId call = answeredCall(events);

        telephony.record(call);
        telephony.play(call, new Telephony.Prompt.AudioFile("prompt:welcome"));
        MediaLeg leg = media.legs.getFirst();
        long received = leg.stats().packetsReceived();
        Await.until("the customer's second of speech and a second of silence", () ->
                leg.stats().packetsReceived() >= received + 100);
        telephony.hangUp(call);
        events.next(CallEvent.HungUp.class);
        carrier.assertPassed();

        byte[] wav = kept.poll(15, TimeUnit.SECONDS);
        assertThat(wav).as("the recording, handed over once the call ended").isNotNull();
        assertThat(ByteBuffer.wrap(wav, 22, 2).order(ByteOrder.LITTLE_ENDIAN).getShort()).isEqualTo((short) 2);
        assertThat(loudMillis(wav, 0)).as("what the customer said: their second of speech").isBetween(600, 1100);
        assertThat(loudMillis(wav, 1)).as("what they heard: Outdial's 400 ms tone").isBetween(300, 450);
        // removed once the recording's store has taken it, which the test hears of first
        Await.until("the spool's files removed", () -> {
            try (var spool = Files.list(workDir.resolve("spool"))) {
                return spool.findAny().isEmpty();
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        });
    }

    /** How long a channel of a two-channel 8 kHz WAV is louder than -30 dBFS, in 20 ms blocks. */
    private static int loudMillis(byte[] wav, int channel) {
        ByteBuffer data = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int frames = (wav.length - 44) / 4;
        int loud = 0;
        for (int block = 0; block + 160 <= frames; block += 160) {
            double energy = 0;
            for (int i = block; i < block + 160; i++) {
                double sample = data.getShort(44 + 4 * i + 2 * channel);
                energy += sample * sample;
            }
            if (Math.sqrt(energy / 160) > 1036) {
                loud += 20;
            }
        }
        return loud;
    }

    /** A call listening for machines to a carrier that answers saying {@code greeting}: its answer, once told. */
    private CallEvent.Answered answerListenedTo(CallId call, short[] greeting, CallEvents events) {
        Path pcap = RtpCapture.write(workDir.resolve(call.value() + ".pcap"), Codec.PCMA, greeting);
        carriers.add(carrier(playing(pcap) + SippSteps.OUTDIAL_HANGS_UP));
        telephony.place(call, "+4930999000", "+4930555123", Duration.ofSeconds(60), MachineDetection.ON, events);
        events.next(CallEvent.Ringing.class);
        return events.next(CallEvent.Answered.class);
    }

    @Test
    void aRecordedGreetingIsToldAsAMachineBeforeItEnds() {
        CallEvents events = new CallEvents();
        CallId call = new CallId("machine");

        CallEvent.Answered answered = answerListenedTo(call,
                SpokenAudio.joined(SpokenAudio.silence(300), SpokenAudio.recordedGreeting(15)), events);

        assertThat(answered.byMachine()).isTrue();
        telephony.hangUp(call);
        events.next(CallEvent.HungUp.class);
        carriers.getFirst().assertPassed();
    }

    @Test
    void aMessageLeftOnAMachineWaitsForTheEndOfItsGreetingAndBeepOnALineNeverQuiet() {
        CallEvents events = new CallEvents();
        CallId call = new CallId("voicemail");
        short[] greeting = SpokenAudio.joined(SpokenAudio.silence(300), SpokenAudio.recordedGreeting(15));
        short[] beep = SpokenAudio.beep(500);
        int greetingPackets = (greeting.length + beep.length) / 160;

        CallEvent.Answered answered = answerListenedTo(call,
                SpokenAudio.joined(greeting, beep, SpokenAudio.hum(4000)), events);
        assertThat(answered.byMachine()).isTrue();
        telephony.leaveMessage(call, new Telephony.Prompt.AudioFile("prompt:message"));

        assertThat(events.next(CallEvent.HungUp.class).cause()).as("Outdial hangs up after the message")
                .isEqualTo(Cause.PLATFORM);
        carriers.getFirst().assertPassed();
        assertThat(opened).containsExactly("prompt:message");
        MediaLeg leg = media.legs.getFirst();
        assertThat(leg.stats().packetsReceived()).as("the whole greeting and its beep heard before the message, left as"
                + " the beep ended: not after the hum, which is never quiet").isBetween((long) greetingPackets, greetingPackets + 150L);
        assertThat(leg.stats().packetsSent()).as("the message's 400 ms sent").isGreaterThanOrEqualTo(20);
    }

    @Test
    void aHelloAndThenSilenceIsAPersonWhoTheCallThenCarriesOnWith() {
        CallEvents events = new CallEvents();
        CallId call = new CallId("person");

        CallEvent.Answered answered = answerListenedTo(call,
                SpokenAudio.joined(SpokenAudio.silence(300), SpokenAudio.voice(450), SpokenAudio.silence(3000)), events);

        assertThat(answered.byMachine()).isFalse();
        telephony.play(call, new Telephony.Prompt.AudioFile("prompt:welcome"));
        telephony.hangUpAfterPrompts(call);
        assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.PLATFORM);
        carriers.getFirst().assertPassed();
        assertThat(opened).containsExactly("prompt:welcome");
    }

    @Test
    void aFarEndThatHangsUpWhileItsGreetingIsHeardWasAPersonWhoHungUp() {
        Path hello = RtpCapture.write(workDir.resolve("hello.pcap"), Codec.PCMA, SpokenAudio.voice(400));
        Sipp carrier = carrier(playing(hello) + "  <pause milliseconds=\"300\"/>\n"
                + SippSteps.farEndHangsUp("carrier"));
        CallEvents events = new CallEvents();

        telephony.place(new CallId("gone"), "+4930999000", "+4930555123", Duration.ofSeconds(60), MachineDetection.ON,
                events);

        events.next(CallEvent.Ringing.class);
        assertThat(events.next(CallEvent.Answered.class).byMachine()).isFalse();
        assertThat(events.next(CallEvent.HungUp.class).cause()).isEqualTo(Cause.FAR_END);
        carrier.assertPassed();
    }

    @Test
    void aNetworksAnnouncementWhileItRingsThatTheNumberIsNotInServiceFailsTheCallAtOnce() {
        short[] announcement = SpokenAudio.joined(SpokenAudio.silence(500), SpokenAudio.interceptTones(),
                SpokenAudio.recordedGreeting(15));

        assertThat(failedWhileRinging(announcement, "vacant")).as("told by the tones, not rung to the 60 s timeout")
                .isEqualTo(CallResult.INVALID_NUMBER);
    }

    /**
     * A call to a carrier that plays {@code audio} in early media and never answers: why it failed, once Outdial
     * cancelled it (487, ACK).
     */
    private CallResult failedWhileRinging(short[] audio, String name) {
        Path pcap = RtpCapture.write(workDir.resolve(name + ".pcap"), Codec.PCMA, audio);
        Sipp carrier = Sipp.serve("carrier-announces.xml", carrierPort, Map.of("EARLY_MEDIA", playing(pcap)),
                workDir, "-mp", String.valueOf(Ports.media()));
        sipps.add(carrier);
        return failedAgainst(carrier, name, MachineDetection.OFF);
    }

    /** A call to {@code carrier}, rung and then failed: why, once {@code carrier}'s scenario passed. */
    private CallResult failedAgainst(Sipp carrier, String name, MachineDetection detection) {
        CallEvents events = new CallEvents();

        telephony.place(new CallId(name), "+4930999000", "+4930555123", Duration.ofSeconds(60), detection, events);

        events.next(CallEvent.Ringing.class);
        CallResult result = events.next(CallEvent.Failed.class).reason();
        carrier.assertPassed();
        events.assertNoMore();
        return result;
    }

    @Test
    void aNetworkThatAnswersToPlayItsAnnouncementIsHungUpAndTheCallFailsAsItsTonesSay() {
        short[] announcement = SpokenAudio.joined(SpokenAudio.silence(300), SpokenAudio.interceptTones(),
                SpokenAudio.recordedGreeting(15));

        assertThat(failedAfterAnAnswerPlaying(announcement, "announced")).as("not an answering machine: the number is"
                + " not in service").isEqualTo(CallResult.INVALID_NUMBER);
    }

    @Test
    void aPbxThatAnswersToPlayABusyToneIsHungUpAndTheCallIsBusy() {
        assertThat(failedAfterAnAnswerPlaying(SpokenAudio.joined(SpokenAudio.silence(300), SpokenAudio.busyTone(6000)),
                "busy-after-answer")).as("not an answering machine").isEqualTo(CallResult.BUSY);
    }

    /** A call listened to for machines, answered with {@code audio}: why it failed, once Outdial hung up (BYE). */
    private CallResult failedAfterAnAnswerPlaying(short[] audio, String name) {
        Path pcap = RtpCapture.write(workDir.resolve(name + ".pcap"), Codec.PCMA, audio);
        return failedAgainst(carrier(playing(pcap) + SippSteps.OUTDIAL_HANGS_UP), name, MachineDetection.ON);
    }

    @Test
    void aBusyToneWhileItRingsFailsTheCallAsBusyAtOnce() {
        assertThat(failedWhileRinging(SpokenAudio.joined(SpokenAudio.silence(300), SpokenAudio.busyTone(8000)), "busy"))
                .as("told by the tone's beats, not rung to the timeout").isEqualTo(CallResult.BUSY);
    }
}
