package dev.outdial.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.sip.ListeningMode;
import dev.outdial.sip.media.TestPhone.Packet;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MediaLegTest {

    private static final byte ULAW_SILENCE = (byte) 0xFF;
    private static final InetAddress ANOTHER_HOST = InetAddress.ofLiteral("127.0.0.2");
    private static final byte ALAW_SILENCE = (byte) 0xD5;

    private MediaEngine engine;

    @BeforeEach
    void startEngine() {
        engine = new MediaEngine(InetAddress.getLoopbackAddress(), 18200, 18239);
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void aPromptGoesOutIn20msPacketsWithContinuousSequenceNumbersAndTimestampsThenSilence() throws Exception {
        AudioClip prompt = AudioClip.of8kHzSamples(Tone.sine(1000, 8000, 25 * 160, 8000)); // 25 packets
        byte[] encoded = prompt.encoded(Codec.PCMU);
        try (TestPhone phone = new TestPhone(); MediaLeg leg = engine.open()) {
            CountDownLatch over = new CountDownLatch(1);
            leg.play(prompt, false, over::countDown);
            leg.connect(phone.address(), Codec.PCMU, 101);

            List<Packet> packets = phone.next(28);

            assertThat(packets.getFirst().marker()).isTrue();
            for (int i = 0; i < packets.size(); i++) {
                Packet packet = packets.get(i);
                assertThat(packet.payloadType()).isEqualTo(0);
                assertThat(packet.ssrc()).isEqualTo(packets.getFirst().ssrc());
                assertThat(packet.sequence()).isEqualTo((packets.getFirst().sequence() + i) & 0xFFFF);
                assertThat(packet.timestamp()).isEqualTo(packets.getFirst().timestamp() + 160 * i);
                byte[] expected = i < 25 ? Arrays.copyOfRange(encoded, i * 160, i * 160 + 160) : silence(ULAW_SILENCE);
                assertThat(packet.payload()).as("packet %d", i).isEqualTo(expected);
            }
            assertThat(over.await(5, TimeUnit.SECONDS)).isTrue();
            await(() -> leg.stats().packetsSent() >= 28);
        }
    }

    @Test
    void promptsQueueAndEachReportsItsEndInTurn() throws Exception {
        AudioClip first = AudioClip.of8kHzSamples(constant((short) 1000, 2 * 160));
        AudioClip second = AudioClip.of8kHzSamples(constant((short) -1000, 100)); // ends inside a packet
        List<String> over = new CopyOnWriteArrayList<>();
        try (TestPhone phone = new TestPhone(); MediaLeg leg = engine.open()) {
            leg.play(first, false, () -> over.add("first"));
            leg.play(second, false, () -> over.add("second"));
            leg.connect(phone.address(), Codec.PCMA, -1);

            List<Packet> packets = phone.next(4);

            byte one = G711.encode(Codec.PCMA, (short) 1000);
            byte minusOne = G711.encode(Codec.PCMA, (short) -1000);
            assertThat(packets.get(0).payload()).containsOnly(one);
            assertThat(packets.get(1).payload()).containsOnly(one);
            byte[] third = packets.get(2).payload();
            assertThat(Arrays.copyOfRange(third, 0, 100)).containsOnly(minusOne);
            assertThat(Arrays.copyOfRange(third, 100, 160)).containsOnly(ALAW_SILENCE);
            assertThat(packets.get(3).payload()).isEqualTo(silence(ALAW_SILENCE));
            await(() -> over.size() == 2);
            assertThat(over).containsExactly("first", "second");
        }
    }

    @Test
    void aLoopedPromptRepeatsUntilStoppedAndLeavesSilence() throws Exception {
        short[] ramp = new short[240]; // a packet and a half, so the loop wraps inside packets
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (short) (i * 100);
        }
        AudioClip clip = AudioClip.of8kHzSamples(ramp);
        try (TestPhone phone = new TestPhone(); MediaLeg leg = engine.open()) {
            leg.play(clip, true, () -> { });
            leg.connect(phone.address(), Codec.PCMU, -1);

            List<Packet> packets = phone.next(3);
            byte[] heard = concat(packets);
            byte[] expected = G711.encode(Codec.PCMU, concat(ramp, ramp));
            assertThat(heard).isEqualTo(expected);

            leg.stopPlaying();
            phone.next(packet -> Arrays.equals(packet.payload(), silence(ULAW_SILENCE)));
        }
    }

    @Test
    void twoLegsOnLoopbackHearEachOther() throws Exception {
        AudioClip prompt = AudioClip.of8kHzSamples(Tone.sine(440, 8000, 10 * 160, 8000));
        try (MediaLeg a = engine.open(); MediaLeg b = engine.open()) {
            InetAddress loopback = InetAddress.getLoopbackAddress();
            a.connect(new InetSocketAddress(loopback, b.localPort()), Codec.PCMU, 101);
            b.connect(new InetSocketAddress(loopback, a.localPort()), Codec.PCMU, 101);
            CountDownLatch over = new CountDownLatch(1);
            a.play(prompt, false, over::countDown);

            assertThat(over.await(5, TimeUnit.SECONDS)).isTrue();
            await(() -> b.stats().packetsReceived() >= 10 && a.stats().packetsReceived() >= 10);
        }
    }

    @Test
    void aLegKeyedForSrtpSendsNothingInTheClearAndTakesOnlyThePacketsOfTheFarEndsKey() throws Exception {
        SrtpKey ours = SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_80);
        SrtpKey theirs = SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_32);
        AudioClip prompt = AudioClip.of8kHzSamples(Tone.sine(1000, 8000, 10 * 160, 8000));
        byte[] encoded = prompt.encoded(Codec.PCMU);
        List<Character> keys = new CopyOnWriteArrayList<>();
        try (TestPhone phone = new TestPhone(); MediaLeg leg = engine.open()) {
            phone.encryptWith(theirs);
            phone.decryptWith(ours);
            leg.encrypt(Optional.of(new SrtpKeys(ours, theirs)));
            leg.onKey(keys::add);
            leg.play(prompt, false, null);
            leg.connect(phone.address(), Codec.PCMU, 101);

            List<Packet> packets = phone.next(12);

            for (int i = 0; i < 10; i++) {
                assertThat(packets.get(i).payload()).as("packet %d", i)
                        .isEqualTo(Arrays.copyOfRange(encoded, i * 160, i * 160 + 160));
            }
            assertThat(phone.refused()).as("packets not of our key, or in the clear").isZero();
            press(phone, leg, 5, 1000, 3, 3);
            await(() -> keys.size() == 1);
            phone.encryptWith(SrtpKey.random(SrtpKey.Suite.AES_CM_128_HMAC_SHA1_32)); // a stranger's key
            press(phone, leg, 7, 2000, 3, 3);
            phone.encryptWith(null); // in the clear
            press(phone, leg, 8, 3000, 3, 3);
            phone.encryptWith(theirs);
            press(phone, leg, 9, 4000, 3, 3);
            await(() -> keys.size() >= 2);
            assertThat(keys).containsExactly('5', '9');
        }
    }

    @Test
    void eachKeyPressIsReportedOnceEvenWhenItsEndPacketsAreLost() throws Exception {
        List<Character> keys = new CopyOnWriteArrayList<>();
        try (TestPhone phone = new TestPhone(); MediaLeg leg = engine.open()) {
            leg.connect(phone.address(), Codec.PCMU, 101);
            leg.onKey(keys::add);

            // '5': three packets while held, then the end three times (RFC 4733 §2.5.1.4)
            press(phone, leg, 5, 1000, 3, 3);
            // '#': its end packets are all lost; the next press, at a new timestamp, reports it
            press(phone, leg, 11, 2000, 2, 0);
            // '1': a complete press, its ends repeated
            press(phone, leg, 1, 3000, 1, 3);
            // a late packet of '5' (older timestamp) is not a new press
            phone.sendEvent(leg, 101, 5, true, 1000, 800);
            // '9': no end at all; it is reported once its packets stop
            press(phone, leg, 9, 4000, 2, 0);

            await(() -> keys.size() >= 4);
            // 'D' completes and is reported after everything above: nothing else was reported in between
            press(phone, leg, 15, 5000, 1, 3);
            await(() -> keys.size() >= 5);
            assertThat(keys).containsExactly('5', '#', '1', '9', 'D');
        }
    }

    @Test
    void keysPlayedAsTonesAreHeardFromAFarEndWithoutRfc4733EventsOnly() throws Exception {
        List<Character> withoutEvents = new CopyOnWriteArrayList<>();
        List<Character> withEvents = new CopyOnWriteArrayList<>();
        try (TestPhone phone = new TestPhone(); MediaLeg old = engine.open(); MediaLeg modern = engine.open()) {
            old.connect(phone.address(), Codec.PCMA, -1);
            modern.connect(phone.address(), Codec.PCMA, 101);
            old.onKey(withoutEvents::add);
            modern.onKey(withEvents::add);

            byte[] tones = G711.encode(Codec.PCMA, SpokenAudio.joined(SpokenAudio.dtmf('7', 100),
                    SpokenAudio.silence(60), SpokenAudio.dtmf('#', 100), SpokenAudio.silence(60)));
            for (int at = 0; at < tones.length; at += 160) {
                byte[] packet = Arrays.copyOfRange(tones, at, at + 160);
                phone.sendAudio(old, 8, packet);
                phone.sendAudio(modern, 8, packet);
            }

            await(() -> old.stats().packetsReceived() >= tones.length / 160
                    && modern.stats().packetsReceived() >= tones.length / 160 && withoutEvents.size() >= 2);
            assertThat(withoutEvents).containsExactly('7', '#');
            assertThat(withEvents).as("its keys come as events; tones in its audio are its callers' voice").isEmpty();
        }
    }

    @Test
    void packetsGoWhereTheFarEndsPacketsComeFrom() throws Exception {
        try (TestPhone behindNat = new TestPhone(); TestPhone elsewhere = new TestPhone(); MediaLeg leg = engine.open()) {
            // SDP named an address the phone's packets do not come from (a private address behind NAT)
            leg.connect(elsewhere.address(), Codec.PCMU, -1);
            elsewhere.next(1);

            behindNat.sendAudio(leg, 0, silence(ULAW_SILENCE));

            Packet latched = behindNat.next(packet -> true);
            assertThat(latched.payload()).isEqualTo(silence(ULAW_SILENCE));
        }
    }

    @Test
    void aStrangersPacketsFromAnotherHostNeverTakeTheCallsAudio() throws Exception {
        try (TestPhone phone = new TestPhone(); TestPhone stranger = new TestPhone(ANOTHER_HOST);
             MediaLeg leg = engine.open()) {
            leg.connect(phone.address(), Codec.PCMU, -1);
            for (int packet = 1; packet < SourceLatch.PROBATION; packet++) {
                stranger.sendAudio(leg, 0, payload(packet)); // first, and not quite enough to be taken
            }
            phone.sendAudio(leg, 0, payload(10));
            for (int packet = 1; packet <= 10; packet++) {
                stranger.sendAudio(leg, 0, payload(packet)); // enough, but the SDP's host has sent
            }
            await(() -> leg.stats().packetsReceived() == SourceLatch.PROBATION + 10);

            phone.forget();
            assertThat(phone.next(3)).as("sent to the phone after all the stranger's packets").hasSize(3);
            assertThat(stranger.receivedAny()).isFalse();
            assertThat(leg.stats().received().orElseThrow().packetsExpected()).as("only the phone's heard")
                    .isEqualTo(1);
        }
    }

    @Test
    void aFarEndWhoseAudioComesFromAnotherHostThanItsSdpNamedIsReachedThereAfterAFewPacketsInSequence()
            throws Exception {
        try (TestPhone named = new TestPhone(); TestPhone mediaServer = new TestPhone(ANOTHER_HOST);
             MediaLeg leg = engine.open()) {
            leg.connect(named.address(), Codec.PCMU, -1);
            for (int packet = 1; packet < SourceLatch.PROBATION; packet++) {
                mediaServer.sendAudio(leg, 0, payload(packet));
            }
            await(() -> leg.stats().packetsReceived() == SourceLatch.PROBATION - 1);
            named.forget();
            named.next(1);

            mediaServer.sendAudio(leg, 0, payload(SourceLatch.PROBATION));
            mediaServer.next(1);

            named.sendAudio(leg, 0, payload(20)); // the SDP's host takes the stream back whenever it sends
            named.forget();
            named.next(1);
        }
    }

    @Test
    void aBridgeRelaysBothWaysAsOneContinuousStreamPerSide() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone();
             MediaLeg customerLeg = engine.open(); MediaLeg agentLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMU, 101);
            agentLeg.connect(agent.address(), Codec.PCMU, 101);
            CountDownLatch promptOver = new CountDownLatch(1);
            customerLeg.play(AudioClip.of8kHzSamples(constant((short) 3000, 3 * 160)), false, promptOver::countDown);
            assertThat(promptOver.await(5, TimeUnit.SECONDS)).isTrue();
            await(() -> agentLeg.stats().packetsSent() >= 2);

            customerLeg.bridge(agentLeg);
            List<byte[]> spoken = List.of(payload(1), payload(2), payload(3), payload(4), payload(5));
            for (byte[] audio : spoken) {
                customer.sendAudio(customerLeg, 0, audio);
            }
            List<byte[]> answered = List.of(payload(11), payload(12), payload(13));
            for (byte[] audio : answered) {
                agent.sendAudio(agentLeg, 0, audio);
            }

            assertContinuesWithRelayed(agent, spoken);
            assertContinuesWithRelayed(customer, answered);
            await(() -> agentLeg.stats().packetsRelayed() == 5 && customerLeg.stats().packetsRelayed() == 3);
            assertThat(agentLeg.stats().firstPacketSent()).isPresent();

            customerLeg.unbridge();
            agent.next(packet -> Arrays.equals(packet.payload(), silence(ULAW_SILENCE)));
            customer.next(packet -> Arrays.equals(packet.payload(), silence(ULAW_SILENCE)));
        }
    }

    @Test
    void anAgentWaitingOnACallHearsItsRingBackThenTheNetworksAudioOneWayUntilTheBridge() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone();
             MediaLeg customerLeg = engine.open(); MediaLeg agentLeg = engine.open()) {
            agentLeg.connect(agent.address(), Codec.PCMU, 101);
            byte ringBack = G711.encode(Codec.PCMU, (short) 3000);

            agentLeg.hearRinging(customerLeg, AudioClip.of8kHzSamples(constant((short) 3000, 160)));
            Packet rung = agent.next(packet -> Arrays.equals(packet.payload(), silence(ringBack)));

            customerLeg.connect(customer.address(), Codec.PCMU, 101); // a 183 with SDP: early media
            for (int fill = 1; fill <= 3; fill++) {
                customer.sendAudio(customerLeg, 0, payload(fill));
            }
            Packet announced = agent.next(packet -> Arrays.equals(packet.payload(), payload(1)));
            assertThat(announced.ssrc()).as("one stream").isEqualTo(rung.ssrc());
            assertThat(announced.marker()).as("a new source").isTrue();
            assertThat(agent.next(2).stream().map(Packet::payload)).containsExactly(payload(2), payload(3));
            agent.sendAudio(agentLeg, 0, payload(9));
            for (int fill = 4; fill <= 13; fill++) {
                customer.sendAudio(customerLeg, 0, payload(fill));
                Thread.sleep(20); // as a network sends it: the pacer has ticks between the packets
            }
            assertThat(agent.next(10).stream().map(Packet::payload)).as("only the network, no more ring-back")
                    .containsExactly(payload(4), payload(5), payload(6), payload(7), payload(8), payload(9),
                            payload(10), payload(11), payload(12), payload(13));
            assertThat(customerLeg.stats().packetsRelayed()).as("what the agent says while it rings goes nowhere")
                    .isZero();

            customerLeg.bridge(agentLeg); // answered
            agent.sendAudio(agentLeg, 0, payload(11));
            customer.next(packet -> Arrays.equals(packet.payload(), payload(11)));
            customerLeg.unbridge();
            agent.next(packet -> Arrays.equals(packet.payload(), silence(ULAW_SILENCE)));
            assertThat(agent.next(20).stream().map(Packet::payload)).as("the ringing is over with the bridge")
                    .allMatch(payload -> Arrays.equals(payload, silence(ULAW_SILENCE)));
        }
    }

    @Test
    void anAgentHearingACallRingHearsSilenceOnceItEndsAndAPromptPlayedToThemAtOnce() throws Exception {
        try (TestPhone agent = new TestPhone(); MediaLeg agentLeg = engine.open()) {
            agentLeg.connect(agent.address(), Codec.PCMA, 101);
            AudioClip ringBack = AudioClip.of8kHzSamples(constant((short) 3000, 160));
            byte ringing = G711.encode(Codec.PCMA, (short) 3000);
            MediaLeg customerLeg = engine.open();
            agentLeg.hearRinging(customerLeg, ringBack);
            agent.next(packet -> Arrays.equals(packet.payload(), silence(ringing)));

            customerLeg.close(); // it failed: busy, unanswered
            agent.next(packet -> Arrays.equals(packet.payload(), silence(ALAW_SILENCE)));
            assertThat(agent.next(20).stream().map(Packet::payload)).as("silence from then on")
                    .allMatch(payload -> Arrays.equals(payload, silence(ALAW_SILENCE)));

            try (MediaLeg nextCustomer = engine.open()) {
                agentLeg.hearRinging(nextCustomer, ringBack);
                agent.next(packet -> Arrays.equals(packet.payload(), silence(ringing)));
                agentLeg.play(AudioClip.of8kHzSamples(constant((short) -2000, 160)), false, () -> { });
                agent.next(packet -> Arrays.equals(packet.payload(), silence(G711.encode(Codec.PCMA, (short) -2000))));
            }
            try (MediaLeg busyCustomer = engine.open()) {
                agentLeg.hearRinging(busyCustomer, ringBack);
                agent.next(packet -> Arrays.equals(packet.payload(), silence(ringing)));
                byte busy = G711.encode(Codec.PCMA, (short) 1000);
                busyCustomer.ringingEndsWith(AudioClip.of8kHzSamples(constant((short) 1000, 3 * 160)));
                busyCustomer.close();
                List<byte[]> heard = new java.util.ArrayList<>();
                Packet packet = agent.next(any -> Arrays.equals(any.payload(), silence(busy)));
                while (!Arrays.equals(packet.payload(), silence(ALAW_SILENCE))) {
                    heard.add(packet.payload());
                    packet = agent.next(any -> true);
                }
                assertThat(heard).as("the busy tone, whole, once, though the leg that rang closed at once")
                        .hasSize(3).allMatch(payload -> Arrays.equals(payload, silence(busy)));
            }
        }
    }

    @Test
    void aFarEndIsSilentOnlyWhileItShouldSendAndDoesNot() throws Exception {
        Duration moment = Duration.ofMillis(300);
        try (TestPhone phone = new TestPhone(); MediaLeg leg = engine.open()) {
            assertThat(leg.farEndSilentLongerThan(Duration.ZERO)).as("not connected: nothing expected").isFalse();
            leg.connect(phone.address(), Codec.PCMU, 101);
            await(() -> leg.farEndSilentLongerThan(moment));

            phone.sendAudio(leg, 0, payload(1));
            await(() -> leg.stats().packetsReceived() == 1);
            assertThat(leg.farEndSilentLongerThan(moment)).as("just heard").isFalse();
            await(() -> leg.farEndSilentLongerThan(moment));

            leg.farEndHolds(true);
            assertThat(leg.farEndSilentLongerThan(moment)).as("a far end on hold sends nothing, rightly").isFalse();
        }
    }

    @Test
    void aSupervisorListeningInHearsBothSidesOfTheCallMixedAndSilenceOnceItEnds() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone(); TestPhone supervisor = new TestPhone();
             MediaLeg customerLeg = engine.open(); MediaLeg agentLeg = engine.open();
             MediaLeg supervisorLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMU, 101);
            agentLeg.connect(agent.address(), Codec.PCMA, 101);
            supervisorLeg.connect(supervisor.address(), Codec.PCMA, 101);
            customerLeg.bridge(agentLeg);
            CountDownLatch over = new CountDownLatch(1);
            supervisorLeg.listenTo(customerLeg, over::countDown);

            byte customerSays = G711.encode(Codec.PCMU, (short) 2000);
            for (int i = 0; i < 10; i++) {
                customer.sendAudio(customerLeg, 0, silence(customerSays));
            }
            short said = G711.decode(Codec.PCMU, customerSays);
            supervisor.next(packet -> Arrays.equals(packet.payload(), silence(G711.encode(Codec.PCMA, said))));

            byte agentSays = G711.encode(Codec.PCMA, (short) -700);
            for (int i = 0; i < 10; i++) {
                customer.sendAudio(customerLeg, 0, silence(customerSays));
                agent.sendAudio(agentLeg, 8, silence(agentSays));
            }
            // what the customer hears is taken as the agent sent it, before it is transcoded to the customer's µ-law
            short heard = G711.decode(Codec.PCMA, agentSays);
            byte both = G711.encode(Codec.PCMA, (short) (said + heard));
            supervisor.next(packet -> Arrays.equals(packet.payload(), silence(both)));
            assertThat(customer.next(packet -> true).payloadType()).as("the customer hears the agent").isZero();

            customerLeg.close();
            assertThat(over.await(5, TimeUnit.SECONDS)).as("told the call is over").isTrue();
            supervisor.next(packet -> Arrays.equals(packet.payload(), silence(ALAW_SILENCE)));
        }
    }

    @Test
    void aSupervisorMovedToAnotherCallHearsItAndIsNoLongerHeardOnNorToldOfTheFirst() throws Exception {
        try (TestPhone firstCustomer = new TestPhone(); TestPhone firstAgent = new TestPhone();
             TestPhone secondCustomer = new TestPhone(); TestPhone supervisor = new TestPhone();
             MediaLeg firstLeg = engine.open(); MediaLeg firstAgentLeg = engine.open();
             MediaLeg secondLeg = engine.open(); MediaLeg supervisorLeg = engine.open()) {
            firstLeg.connect(firstCustomer.address(), Codec.PCMU, 101);
            firstAgentLeg.connect(firstAgent.address(), Codec.PCMU, 101);
            secondLeg.connect(secondCustomer.address(), Codec.PCMU, 101);
            supervisorLeg.connect(supervisor.address(), Codec.PCMU, 101);
            firstLeg.bridge(firstAgentLeg);
            CountDownLatch firstOver = new CountDownLatch(1);
            supervisorLeg.listenTo(firstLeg, firstOver::countDown);
            assertThat(supervisorLeg.speakInto(firstLeg, ListeningMode.BARGE)).isTrue();

            CountDownLatch secondOver = new CountDownLatch(1);
            supervisorLeg.listenTo(secondLeg, secondOver::countDown);
            byte firstSays = G711.encode(Codec.PCMU, (short) 1500);
            byte secondSays = G711.encode(Codec.PCMU, (short) -1200);
            byte supervisorSays = G711.encode(Codec.PCMU, (short) 600);
            for (int i = 0; i < 10; i++) {
                firstCustomer.sendAudio(firstLeg, 0, silence(firstSays));
                secondCustomer.sendAudio(secondLeg, 0, silence(secondSays));
                supervisor.sendAudio(supervisorLeg, 0, silence(supervisorSays));
            }
            supervisor.next(packet -> Arrays.equals(packet.payload(), silence(secondSays)));
            firstAgent.next(packet -> Arrays.equals(packet.payload(), silence(firstSays)));

            firstLeg.close();
            secondLeg.close();
            assertThat(secondOver.await(5, TimeUnit.SECONDS)).as("told the call now listened to is over").isTrue();
            // both would be told on the supervisor leg's one callback thread, the first call's first
            assertThat(firstOver.getCount()).as("not told of the call left").isEqualTo(1);
        }
    }

    @Test
    void aCoachIsHeardByTheAgentWithTheCustomerAndNotByTheCustomer() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone(); TestPhone coach = new TestPhone();
             MediaLeg customerLeg = engine.open(); MediaLeg agentLeg = engine.open(); MediaLeg coachLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMU, 101);
            agentLeg.connect(agent.address(), Codec.PCMU, 101);
            coachLeg.connect(coach.address(), Codec.PCMU, 101);
            assertThat(coachLeg.speakInto(customerLeg, ListeningMode.COACH)).as("not bridged yet: no agent to coach")
                    .isFalse();
            customerLeg.bridge(agentLeg);
            coachLeg.listenTo(customerLeg, () -> { });
            assertThat(coachLeg.speakInto(customerLeg, ListeningMode.COACH)).isTrue();

            byte customerSays = G711.encode(Codec.PCMU, (short) 1500);
            byte coachSays = G711.encode(Codec.PCMU, (short) 600);
            for (int i = 0; i < 10; i++) {
                customer.sendAudio(customerLeg, 0, silence(customerSays));
                coach.sendAudio(coachLeg, 0, silence(coachSays));
            }
            agent.next(packet -> Arrays.equals(packet.payload(), mixOf(customerSays, coachSays)));

            byte agentSays = G711.encode(Codec.PCMU, (short) -900);
            agent.sendAudio(agentLeg, 0, silence(agentSays));
            assertThat(customer.next(packet -> true).payload()).as("the customer hears the agent, not the coach")
                    .isEqualTo(silence(agentSays));

            coachLeg.close();
            customer.sendAudio(customerLeg, 0, silence(customerSays));
            agent.next(packet -> Arrays.equals(packet.payload(), silence(customerSays)));
        }
    }

    @Test
    void aSupervisorBargingInIsHeardByBothSidesUntilTheyGoBackToListening() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone();
             TestPhone supervisor = new TestPhone(); MediaLeg customerLeg = engine.open();
             MediaLeg agentLeg = engine.open(); MediaLeg supervisorLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMU, 101);
            agentLeg.connect(agent.address(), Codec.PCMU, 101);
            supervisorLeg.connect(supervisor.address(), Codec.PCMU, 101);
            customerLeg.bridge(agentLeg);
            supervisorLeg.listenTo(customerLeg, () -> { });
            assertThat(supervisorLeg.speakInto(customerLeg, ListeningMode.BARGE)).isTrue();

            byte customerSays = G711.encode(Codec.PCMU, (short) 1500);
            byte agentSays = G711.encode(Codec.PCMU, (short) -900);
            byte supervisorSays = G711.encode(Codec.PCMU, (short) 600);
            for (int i = 0; i < 10; i++) {
                customer.sendAudio(customerLeg, 0, silence(customerSays));
                agent.sendAudio(agentLeg, 0, silence(agentSays));
                supervisor.sendAudio(supervisorLeg, 0, silence(supervisorSays));
            }
            agent.next(packet -> Arrays.equals(packet.payload(), mixOf(customerSays, supervisorSays)));
            customer.next(packet -> Arrays.equals(packet.payload(), mixOf(agentSays, supervisorSays)));
            supervisor.next(packet -> Arrays.equals(packet.payload(), mixOf(customerSays, agentSays)));

            assertThat(supervisorLeg.speakInto(customerLeg, ListeningMode.LISTEN)).isTrue();
            for (int i = 0; i < 3; i++) {
                customer.sendAudio(customerLeg, 0, silence(customerSays));
                agent.sendAudio(agentLeg, 0, silence(agentSays));
                supervisor.sendAudio(supervisorLeg, 0, silence(supervisorSays));
            }
            agent.next(packet -> Arrays.equals(packet.payload(), silence(customerSays)));
            customer.next(packet -> Arrays.equals(packet.payload(), silence(agentSays)));
        }
    }

    @Test
    void aSecondSupervisorListeningInHearsTheOneWhoBargedInAsTheCustomerDoes() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone();
             TestPhone barging = new TestPhone(); TestPhone listening = new TestPhone();
             MediaLeg customerLeg = engine.open(); MediaLeg agentLeg = engine.open();
             MediaLeg bargingLeg = engine.open(); MediaLeg listeningLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMU, 101);
            agentLeg.connect(agent.address(), Codec.PCMU, 101);
            bargingLeg.connect(barging.address(), Codec.PCMU, 101);
            listeningLeg.connect(listening.address(), Codec.PCMU, 101);
            customerLeg.bridge(agentLeg);
            bargingLeg.listenTo(customerLeg, () -> { });
            listeningLeg.listenTo(customerLeg, () -> { });
            assertThat(bargingLeg.speakInto(customerLeg, ListeningMode.BARGE)).isTrue();

            byte customerSays = G711.encode(Codec.PCMU, (short) 1500);
            byte agentSays = G711.encode(Codec.PCMU, (short) -900);
            byte supervisorSays = G711.encode(Codec.PCMU, (short) 600);
            for (int i = 0; i < 10; i++) {
                customer.sendAudio(customerLeg, 0, silence(customerSays));
                agent.sendAudio(agentLeg, 0, silence(agentSays));
                barging.sendAudio(bargingLeg, 0, silence(supervisorSays));
            }
            listening.next(packet -> Arrays.equals(packet.payload(), mixOf(customerSays, agentSays, supervisorSays)));
            barging.next(packet -> Arrays.equals(packet.payload(), mixOf(customerSays, agentSays)));
        }
    }

    @Test
    void aCustomerOnHoldHearsTheMusicAndNotASupervisorBargedInWhoTalksToTheAgentAlone() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone();
             TestPhone supervisor = new TestPhone(); MediaLeg customerLeg = engine.open();
             MediaLeg agentLeg = engine.open(); MediaLeg supervisorLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMU, 101);
            agentLeg.connect(agent.address(), Codec.PCMU, 101);
            supervisorLeg.connect(supervisor.address(), Codec.PCMU, 101);
            customerLeg.bridge(agentLeg);
            customerLeg.holdMusic(steadyMusic());
            supervisorLeg.listenTo(customerLeg, () -> { });
            assertThat(supervisorLeg.speakInto(customerLeg, ListeningMode.BARGE)).isTrue();

            customerLeg.hold(true);
            byte customerSays = G711.encode(Codec.PCMU, (short) 1500);
            byte supervisorSays = G711.encode(Codec.PCMU, (short) 600);
            for (int i = 0; i < 10; i++) {
                customer.sendAudio(customerLeg, 0, silence(customerSays));
                supervisor.sendAudio(supervisorLeg, 0, silence(supervisorSays));
            }
            byte tune = G711.encode(Codec.PCMU, (short) 1200);
            customer.next(packet -> Arrays.equals(packet.payload(), silence(tune)));
            agent.next(packet -> Arrays.equals(packet.payload(), silence(supervisorSays)));
            for (int i = 0; i < 9; i++) {
                assertThat(customer.next(packet -> true).payload()).as("the music, not the supervisor")
                        .isEqualTo(silence(tune));
            }
        }
    }

    /** Hold music whose every sample is 1200: each of its packets is the same, whatever the position. */
    private static AudioClip steadyMusic() {
        short[] music = new short[4000];
        Arrays.fill(music, (short) 1200);
        return AudioClip.of8kHzSamples(music);
    }

    @Test
    void whileTheAgentsPhoneHoldsTheCustomerHearsHoldMusicAndNeitherSideIsRelayed() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone();
             MediaLeg customerLeg = engine.open(); MediaLeg agentLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMU, 101);
            agentLeg.connect(agent.address(), Codec.PCMU, 101);
            customerLeg.bridge(agentLeg);
            customerLeg.holdMusic(steadyMusic());

            agentLeg.farEndHolds(true);
            long relayedToAgent = agentLeg.stats().packetsRelayed();
            byte agentSays = G711.encode(Codec.PCMU, (short) -900);
            byte customerSays = G711.encode(Codec.PCMU, (short) 1500);
            for (int i = 0; i < 10; i++) {
                agent.sendAudio(agentLeg, 0, silence(agentSays));
                customer.sendAudio(customerLeg, 0, silence(customerSays));
            }
            byte tune = G711.encode(Codec.PCMU, (short) 1200);
            customer.next(packet -> Arrays.equals(packet.payload(), silence(tune)));
            for (int i = 0; i < 9; i++) {
                assertThat(customer.next(packet -> true).payload()).as("the hold music, not the agent's phone")
                        .isEqualTo(silence(tune));
            }
            await(() -> customerLeg.stats().packetsReceived() >= 10);
            assertThat(agentLeg.stats().packetsRelayed()).as("the holding phone is sent nothing")
                    .isEqualTo(relayedToAgent);

            agentLeg.farEndHolds(false);
            agent.sendAudio(agentLeg, 0, silence(agentSays));
            customer.next(packet -> Arrays.equals(packet.payload(), silence(agentSays)));
            customer.sendAudio(customerLeg, 0, silence(customerSays));
            agent.next(packet -> Arrays.equals(packet.payload(), silence(customerSays)));
        }
    }

    @Test
    void aCustomerOutdialHoldsHearsTheMusicWhileTheAgentHearsSilenceUntilTakenOff() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone();
             MediaLeg customerLeg = engine.open(); MediaLeg agentLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMU, 101);
            agentLeg.connect(agent.address(), Codec.PCMA, 101);
            customerLeg.bridge(agentLeg);
            customerLeg.holdMusic(steadyMusic());

            customerLeg.hold(true);
            byte customerSays = G711.encode(Codec.PCMU, (short) 1500);
            byte agentSays = G711.encode(Codec.PCMA, (short) -900);
            for (int i = 0; i < 10; i++) {
                customer.sendAudio(customerLeg, 0, silence(customerSays));
                agent.sendAudio(agentLeg, 8, silence(agentSays));
            }
            byte tune = G711.encode(Codec.PCMU, (short) 1200);
            customer.next(packet -> Arrays.equals(packet.payload(), silence(tune)));
            agent.next(packet -> Arrays.equals(packet.payload(), silence(ALAW_SILENCE)));
            for (int i = 0; i < 9; i++) {
                assertThat(customer.next(packet -> true).payload()).as("the music, not the agent")
                        .isEqualTo(silence(tune));
                assertThat(agent.next(packet -> true).payload()).as("silence, not the customer")
                        .isEqualTo(silence(ALAW_SILENCE));
            }

            customerLeg.hold(false);
            customer.sendAudio(customerLeg, 0, silence(customerSays));
            agent.next(packet -> Arrays.equals(packet.payload(),
                    silence(G711.encode(Codec.PCMA, G711.decode(Codec.PCMU, customerSays)))));
        }
    }

    @Test
    void withNoMusicGivenTheHeldSideHearsTheSoftToneFromItsStartAndMusicGivenLaterAtOnce() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone();
             MediaLeg customerLeg = engine.open(); MediaLeg agentLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMA, 101);
            agentLeg.connect(agent.address(), Codec.PCMU, 101);
            agentLeg.farEndHolds(true); // on hold before it is put through: heard from the bridge on
            customerLeg.bridge(agentLeg);

            byte[] firstFrame = G711.encode(Codec.PCMA, Arrays.copyOf(HoldTone.CLIP.samples(), 160));
            customer.next(packet -> Arrays.equals(packet.payload(), firstFrame));

            customerLeg.holdMusic(steadyMusic());
            customer.next(packet -> Arrays.equals(packet.payload(), silence(G711.encode(Codec.PCMA, (short) 1200))));
        }
    }

    @Test
    void aSupervisorBargingInOnACallWithNoAgentTalksToTheCustomerAndCannotCoach() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone supervisor = new TestPhone();
             MediaLeg customerLeg = engine.open(); MediaLeg supervisorLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMU, 101);
            supervisorLeg.connect(supervisor.address(), Codec.PCMU, 101);
            supervisorLeg.listenTo(customerLeg, () -> { });
            assertThat(supervisorLeg.speakInto(customerLeg, ListeningMode.COACH)).isFalse();
            assertThat(supervisorLeg.speakInto(customerLeg, ListeningMode.BARGE)).isTrue();

            byte supervisorSays = G711.encode(Codec.PCMU, (short) 600);
            for (int i = 0; i < 10; i++) {
                supervisor.sendAudio(supervisorLeg, 0, silence(supervisorSays));
            }
            customer.next(packet -> Arrays.equals(packet.payload(), silence(supervisorSays)));

            supervisorLeg.close();
            customer.next(packet -> Arrays.equals(packet.payload(), silence(ULAW_SILENCE)));
        }
    }

    @Test
    void anAgentPutThroughToTheNextCustomerHearsThemContinueTheStreamEvenWithTheSameSsrc() throws Exception {
        // both customers' phones send the same SSRC and sequence numbers (as SIPp playing one capture does)
        try (TestPhone first = new TestPhone(); TestPhone second = new TestPhone(); TestPhone agent = new TestPhone();
             MediaLeg firstLeg = engine.open(); MediaLeg secondLeg = engine.open(); MediaLeg agentLeg = engine.open()) {
            firstLeg.connect(first.address(), Codec.PCMU, 101);
            secondLeg.connect(second.address(), Codec.PCMU, 101);
            agentLeg.connect(agent.address(), Codec.PCMU, 101);
            await(() -> agentLeg.stats().packetsSent() >= 1);
            agentLeg.bridge(firstLeg);
            for (int i = 1; i <= 3; i++) {
                first.sendAudio(firstLeg, 0, payload(i));
            }
            Packet lastOfFirst = agent.next(packet -> Arrays.equals(packet.payload(), payload(3)));

            agentLeg.bridge(secondLeg);
            second.sendAudio(secondLeg, 0, payload(7));
            second.sendAudio(secondLeg, 0, payload(8));

            Packet firstOfSecond = agent.next(packet -> Arrays.equals(packet.payload(), payload(7)));
            assertThat(firstOfSecond.marker()).isTrue();
            assertThat(firstOfSecond.ssrc()).isEqualTo(lastOfFirst.ssrc());
            assertThat(firstOfSecond.sequence()).isEqualTo((lastOfFirst.sequence() + 1) & 0xFFFF);
            assertThat(firstOfSecond.timestamp() - lastOfFirst.timestamp()).isPositive();
            Packet next = agent.next(packet -> true);
            assertThat(next.sequence()).isEqualTo((firstOfSecond.sequence() + 1) & 0xFFFF);
            assertThat(next.timestamp()).isEqualTo(firstOfSecond.timestamp() + 160);
        }
    }

    @Test
    void aBridgeBetweenMuLawAndALawTranscodes() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone();
             MediaLeg customerLeg = engine.open(); MediaLeg agentLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMU, 101);
            agentLeg.connect(agent.address(), Codec.PCMA, 101);
            customerLeg.bridge(agentLeg);
            byte[] ulaw = G711.encode(Codec.PCMU, Tone.sine(1000, 8000, 160, 9000));
            byte[] alaw = G711.encode(Codec.PCMA, Tone.sine(700, 8000, 160, 9000));

            customer.sendAudio(customerLeg, 0, ulaw);
            agent.sendAudio(agentLeg, 8, alaw);

            Packet toAgent = agent.next(packet -> true);
            byte[] expectedAlaw = ulaw.clone();
            G711.transcode(Codec.PCMU, Codec.PCMA, expectedAlaw, 0, expectedAlaw.length);
            assertThat(toAgent.payloadType()).isEqualTo(8);
            assertThat(toAgent.payload()).isEqualTo(expectedAlaw);
            Packet toCustomer = customer.next(packet -> true);
            byte[] expectedUlaw = alaw.clone();
            G711.transcode(Codec.PCMA, Codec.PCMU, expectedUlaw, 0, expectedUlaw.length);
            assertThat(toCustomer.payloadType()).isEqualTo(0);
            assertThat(toCustomer.payload()).isEqualTo(expectedUlaw);
        }
    }

    @Test
    void keysCrossABridgeInTheOtherLegsPayloadTypeOrAsTones() throws Exception {
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone(); TestPhone noEvents = new TestPhone();
             MediaLeg customerLeg = engine.open(); MediaLeg agentLeg = engine.open(); MediaLeg noEventsLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMU, 101);
            agentLeg.connect(agent.address(), Codec.PCMU, 96);
            noEventsLeg.connect(noEvents.address(), Codec.PCMU, -1);
            customerLeg.bridge(agentLeg);

            customer.sendEvent(customerLeg, 101, 7, true, 8000, 160);
            Packet relayed = agent.next(packet -> packet.payloadType() == 96);
            assertThat(relayed.payload()[0]).isEqualTo((byte) 7);

            customerLeg.bridge(noEventsLeg);
            customer.sendEvent(customerLeg, 101, 8, true, 9000, 800);
            assertThat(keysHeardIn(noEvents, ULAW_SILENCE)).as("a far end without events hears the key's tones")
                    .containsExactly('8');
            customer.sendAudio(customerLeg, 0, payload(21));
            Packet next = noEvents.next(packet -> Arrays.equals(packet.payload(), payload(21)));
            assertThat(next.payloadType()).as("the audio relayed again after the key").isZero();
        }
    }

    @Test
    void aKeySignalledOutsideTheMediaReachesTheBridgedFarEndAsOneRfc4733EventOrAsTones() throws Exception {
        List<Character> reported = new CopyOnWriteArrayList<>();
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone();
             TestPhone noEvents = new TestPhone(); MediaLeg customerLeg = engine.open();
             MediaLeg agentLeg = engine.open(); MediaLeg noEventsLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMA, 101);
            agentLeg.connect(agent.address(), Codec.PCMU, 96);
            noEventsLeg.connect(noEvents.address(), Codec.PCMA, -1);
            agentLeg.onKey(reported::add);
            agentLeg.bridge(customerLeg);

            agentLeg.keySignalled('#'); // the agent's phone sent a SIP INFO

            List<Packet> event = new ArrayList<>(List.of(customer.next(packet -> packet.payloadType() == 101)));
            event.addAll(customer.next(KeysSent.PACKETS_PER_KEY - 1));
            assertThat(event).allSatisfy(packet -> {
                assertThat(packet.payloadType()).isEqualTo(101);
                assertThat(packet.payload()[0]).as("#").isEqualTo((byte) 11);
                assertThat(packet.timestamp()).as("the event's start").isEqualTo(event.getFirst().timestamp());
            });
            assertThat(event).extracting(packet -> packet.marker()).containsExactly(true, false, false, false, false,
                    false, false, false);
            assertThat(event).extracting(packet -> (packet.payload()[1] & 0x80) != 0).as("ended")
                    .containsExactly(false, false, false, false, false, true, true, true);
            assertThat(event).extracting(packet -> ((packet.payload()[2] & 0xFF) << 8) | (packet.payload()[3] & 0xFF))
                    .as("duration").containsExactly(160, 320, 480, 640, 800, 800, 800, 800);
            for (int i = 1; i < event.size(); i++) {
                assertThat(event.get(i).sequence()).isEqualTo((event.getFirst().sequence() + i) & 0xFFFF);
            }
            await(() -> reported.size() == 1);
            assertThat(reported).as("told to the application as well").containsExactly('#');

            agentLeg.bridge(noEventsLeg);
            agentLeg.keySignalled('4');
            assertThat(keysHeardIn(noEvents, ALAW_SILENCE)).containsExactly('4');

            agentLeg.unbridge();
            agentLeg.keySignalled('9');
            await(() -> reported.size() == 3);
            assertThat(customer.next(10)).as("nothing is sent on with no bridge")
                    .noneMatch(packet -> packet.payloadType() == 101);
        }
    }

    @Test
    void aPressAPhoneSendsBothAsEventsAndInAnInfoIsHeardAndSentOnOnceWhicheverCameFirst() throws Exception {
        List<Character> reported = new CopyOnWriteArrayList<>();
        try (TestPhone customer = new TestPhone(); TestPhone agent = new TestPhone();
             MediaLeg customerLeg = engine.open(); MediaLeg agentLeg = engine.open()) {
            customerLeg.connect(customer.address(), Codec.PCMA, 96);
            agentLeg.connect(agent.address(), Codec.PCMU, 101);
            agentLeg.onKey(reported::add);
            agentLeg.bridge(customerLeg);

            press(agent, agentLeg, 5, 1000, 3, 3); // the events first, then the INFO of the same press
            await(() -> reported.contains('5'));
            agentLeg.keySignalled('5');
            List<Packet> fives = new ArrayList<>();
            while (fives.size() < 6) { // the six packets relayed
                fives.add(customer.next(packet -> packet.payloadType() == 96
                        && packet.payload()[0] == KeyPresses.EVENTS.indexOf('5')));
            }
            agentLeg.keySignalled('#'); // another key: heard
            assertThat(eventsBefore(customer, '5', '#')).as("none made for the INFO").isEmpty();

            agentLeg.keySignalled('8'); // the INFO first, then the events of the same press
            press(agent, agentLeg, 8, 2000, 3, 3);
            agentLeg.keySignalled('9');
            List<Packet> eights = eventsBefore(customer, '8', '9');
            assertThat(eights).as("the eight packets Outdial makes").hasSize(KeysSent.PACKETS_PER_KEY);

            for (List<Packet> press : List.of(fives, eights)) {
                assertThat(press).extracting(Packet::timestamp).as("one event")
                        .containsOnly(press.getFirst().timestamp());
            }
            await(() -> reported.size() >= 4);
            assertThat(reported).containsExactly('5', '#', '8', '9');
        }
    }

    /** The RFC 4733 packets of {@code key} {@code phone} receives before the first of {@code until}. */
    private static List<Packet> eventsBefore(TestPhone phone, char key, char until) throws InterruptedException {
        List<Packet> before = new ArrayList<>();
        while (true) {
            Packet event = phone.next(packet -> packet.payloadType() == 96);
            if (event.payload()[0] == KeyPresses.EVENTS.indexOf(until)) {
                return before;
            }
            if (event.payload()[0] == KeyPresses.EVENTS.indexOf(key)) {
                before.add(event);
            }
        }
    }

    /**
     * The keys {@code phone} hears in the tones of the next key sent to it: its packets from the first that is not
     * silence (in the codec whose silence is {@code quiet}).
     */
    private static List<Character> keysHeardIn(TestPhone phone, byte quiet) throws InterruptedException {
        Codec codec = quiet == ULAW_SILENCE ? Codec.PCMU : Codec.PCMA;
        List<Packet> packets = new ArrayList<>(List.of(phone.next(packet -> !Arrays.equals(packet.payload(),
                silence(quiet)))));
        packets.addAll(phone.next(KeysSent.PACKETS_PER_KEY - 1));
        List<Character> heard = new ArrayList<>();
        ToneKeys tones = new ToneKeys(heard::add);
        short[] samples = new short[160];
        for (Packet packet : packets) {
            assertThat(packet.payloadType()).isEqualTo(codec.payloadType());
            G711.decode(codec, packet.payload(), 0, packet.payload().length, samples);
            tones.heard(samples, packet.payload().length);
        }
        return heard;
    }

    /** The first relayed packet follows the leg's last own packet; the rest follow it. */
    private static void assertContinuesWithRelayed(TestPhone phone, List<byte[]> relayed) throws InterruptedException {
        Packet before = null;
        Packet packet = phone.next(p -> true);
        while (!Arrays.equals(packet.payload(), relayed.getFirst())) {
            before = packet;
            packet = phone.next(p -> true);
        }
        assertThat(before).as("a packet of the leg's own before the relayed ones").isNotNull();
        assertThat(packet.ssrc()).isEqualTo(before.ssrc());
        assertThat(packet.sequence()).isEqualTo((before.sequence() + 1) & 0xFFFF);
        assertThat(packet.timestamp()).isEqualTo(before.timestamp() + 160);
        assertThat(packet.marker()).isTrue();
        for (int i = 1; i < relayed.size(); i++) {
            Packet following = phone.next(p -> true);
            assertThat(following.payload()).isEqualTo(relayed.get(i));
            assertThat(following.ssrc()).isEqualTo(before.ssrc());
            assertThat(following.sequence()).isEqualTo((packet.sequence() + i) & 0xFFFF);
            assertThat(following.timestamp()).isEqualTo(packet.timestamp() + 160 * i);
            assertThat(following.marker()).isFalse();
        }
    }

    private static void press(TestPhone phone, MediaLeg leg, int event, int timestamp, int held, int ends) throws IOException {
        for (int i = 1; i <= held; i++) {
            phone.sendEvent(leg, 101, event, false, timestamp, 160 * i);
        }
        for (int i = 0; i < ends; i++) {
            phone.sendEvent(leg, 101, event, true, timestamp, 160 * (held + 1));
        }
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TestPhone.PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TestPhone.PATIENCE);
            }
            Thread.sleep(5);
        }
    }

    private static byte[] payload(int fill) {
        byte[] payload = new byte[160];
        Arrays.fill(payload, (byte) fill);
        return payload;
    }

    /** The µ-law packet of {@code says} (each a µ-law sample) said at once: their sum, as a mix hears it. */
    private static byte[] mixOf(byte... says) {
        int sum = 0;
        for (byte each : says) {
            sum += G711.decode(Codec.PCMU, each);
        }
        return silence(G711.encode(Codec.PCMU, (short) sum));
    }

    private static byte[] silence(byte code) {
        byte[] payload = new byte[160];
        Arrays.fill(payload, code);
        return payload;
    }

    private static short[] constant(short value, int count) {
        short[] samples = new short[count];
        Arrays.fill(samples, value);
        return samples;
    }

    private static short[] concat(short[] a, short[] b) {
        short[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] concat(List<Packet> packets) {
        byte[] all = new byte[0];
        for (Packet packet : packets) {
            byte[] longer = Arrays.copyOf(all, all.length + packet.payload().length);
            System.arraycopy(packet.payload(), 0, longer, all.length, packet.payload().length);
            all = longer;
        }
        return all;
    }
}
