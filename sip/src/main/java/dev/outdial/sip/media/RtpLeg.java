package dev.outdial.sip.media;

import dev.outdial.sip.AudioQuality;
import dev.outdial.sip.ListeningMode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A {@link MediaLeg} on one UDP port of a {@link MediaEngine}, and RTCP on the next. The engine's receiving thread
 * hands it each datagram ({@link #receive}, {@link #receiveControl}); its pacer asks it every 20 ms for a packet
 * ({@link #tick}), and every few seconds for an RTCP report.
 */
final class RtpLeg implements MediaLeg {

    private final MediaEngine engine;
    private final DatagramChannel channel;
    /** RTCP's port, the next one (RFC 3550 §11). */
    private final DatagramChannel control;
    private final RtcpSession rtcp;
    /** This leg's RTCP name (RFC 7022: random, for one session). */
    private final String cname = "outdial-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    /** An RTCP report being written (pacing thread). */
    private final byte[] report = new byte[RtcpPacket.MAX_WRITTEN];
    /** Where the far end's RTCP came from (symmetric RTCP, RFC 4961); null: where its SDP said, or RTP's port after. */
    private volatile InetSocketAddress controlLatched;
    /** Where the far end's SDP said it takes RTCP (RFC 3605); null: the port after its RTP's. */
    private volatile InetSocketAddress controlGiven;
    /** With SRTP: RTCP is SRTCP, protected with the keys of the SRTP it goes with (pacing thread, receiving thread). */
    private volatile SrtcpStream controlEncrypting;
    private volatile SrtcpStream controlDecrypting;
    private final int port;
    private final OutgoingStream out = new OutgoingStream();
    private final Playout playout = new Playout();
    /** What plays while this leg hears hold music (it is held, or the leg bridged to it holds), looped. */
    private final Playout heldPlayout = new Playout();
    private volatile AudioClip holdMusic = HoldTone.CLIP;
    /** Whether the far end put the call on hold: it takes no audio from us. */
    private volatile boolean farEndHolds;
    private volatile Consumer<Boolean> farEndHoldsTold;
    /** Whether Outdial holds this leg: its far end hears the hold music, the leg bridged to it silence. */
    private volatile boolean held;
    private final SerialCallbacks callbacks;
    private final PressesBothWays pressesBothWays = new PressesBothWays();
    private final KeyPresses keys;
    private final ToneKeys toneKeys;
    /** Keys the bridged leg's far end pressed that this leg's far end gets from Outdial, not relayed as they came. */
    private final KeysSent keysSent = new KeysSent();
    /** The far end's last packet decoded, for its in-band keys and what it is listened to for (receiving thread). */
    private short[] heard = new short[OutgoingStream.SAMPLES_PER_PACKET];
    private final RtpPacket received = new RtpPacket();
    private final byte[] frame = new byte[OutgoingStream.SAMPLES_PER_PACKET];
    /** What this leg plays, decoded for its recording and those listening in (pacing thread). */
    private final short[] playedHeard = new short[OutgoingStream.SAMPLES_PER_PACKET];
    /** What a leg listening in sends, mixed (pacing thread). */
    private final short[] mixed = new short[OutgoingStream.SAMPLES_PER_PACKET];

    private final AtomicLong packetsReceived = new AtomicLong();
    /** The far end's loss and jitter, of the packets from where the leg latched. */
    private final ReceptionStatistics reception = new ReceptionStatistics(Codec.CLOCK_RATE);
    /** Where the bridged leg's reception stood when the bridge began (set under the engine's bridges). */
    private volatile ReceptionStatistics.Mark peerBridgedAt;
    /** What the leg bridged last received while bridged to this one, once that bridge ended. */
    private volatile Optional<AudioQuality> receivedBridged = Optional.empty();
    private final AtomicLong packetsRelayed = new AtomicLong();
    private volatile Instant firstRelayedSent;
    /** When the far end was connected, or last sent a packet (System.nanoTime). */
    private volatile long lastHeardNanos = System.nanoTime();

    private volatile Far far;
    /** With SRTP, what the far end's packets are checked and decrypted with (on the receiving thread only). */
    private volatile SrtpStream decrypting;
    /** Which packets are the far end's, since it was last connected. */
    private volatile SourceLatch sources;
    private volatile RtpLeg peer;
    private volatile Consumer<Character> keyListener;
    private final AtomicReference<Listening<?>> listening = new AtomicReference<>();
    private final AtomicReference<CallRecording> recording = new AtomicReference<>();
    /** Those listening in on this leg. */
    private final List<MonitorMix> monitors = new CopyOnWriteArrayList<>();
    /** The leg whose ringing this one's far end hears ({@link #hearRinging}), until it is answered or ends. */
    private volatile RtpLeg ringing;
    /** The leg that hears this one ring, to which what its far end sends is relayed until this leg is bridged. */
    private volatile RtpLeg ringingHeardBy;
    /** The leg this one listens in on, if it does. */
    private volatile MonitorMix listeningTo;
    /**
     * While a supervisor speaks into this leg (coaching its agent, or barged in): what is relayed to it (said) and the
     * supervisor's voice (heard), sent mixed on the pacer instead of relayed as it comes.
     */
    private volatile MonitorMix withSupervisor;
    /** The legs this one's far end, a supervisor, speaks into: none, the agent's, or the agent's and the customer's. */
    private volatile List<MonitorMix> speakingInto = List.of();
    private volatile boolean closed;
    /** When the leg closed (System.nanoTime): where its recording ends. */
    private volatile long closedNanos;

    /** What the far end's audio is being listened to for, and who is told. */
    private record Listening<T>(HeardAudio<T> audio, Consumer<T> then) {
    }

    /** Where and how the far end is reached; replaced as a whole so the threads never see half of it. */
    private record Far(InetSocketAddress address, Codec codec, int telephoneEventPayloadType) {
        Far to(InetSocketAddress moved) {
            return new Far(moved, codec, telephoneEventPayloadType);
        }
    }

    RtpLeg(MediaEngine engine, DatagramChannel channel, DatagramChannel control, int port, RtcpSession rtcp,
           SerialCallbacks callbacks) {
        this.engine = engine;
        this.channel = channel;
        this.control = control;
        this.rtcp = rtcp;
        this.port = port;
        this.callbacks = callbacks;
        this.keys = new KeyPresses(this::keyPressedAsEvent, pressesBothWays);
        this.toneKeys = new ToneKeys(this::report);
    }

    /**
     * Also sent to the bridged leg's far end, as RFC 4733 events where it takes them, else as tones; ignored where its
     * press came as RFC 4733 events already.
     */
    @Override
    public void keySignalled(char key) {
        if (pressesBothWays.infoRepeats(key, System.nanoTime())) {
            return;
        }
        report(key);
        RtpLeg to = peer;
        if (to != null && !holding(to)) {
            to.keysSent.add(key);
        }
    }

    /**
     * A key heard as RFC 4733 events: their packets are relayed to a bridged far end that takes events as they come
     * ({@link #relayEvent}); one that takes none gets the key as tones.
     */
    private void keyPressedAsEvent(char key) {
        report(key);
        RtpLeg to = peer;
        Far theirs = to == null ? null : to.far;
        if (theirs != null && theirs.telephoneEventPayloadType() < 0 && !holding(to)) {
            to.keysSent.add(key);
        }
    }

    private void report(char key) {
        Consumer<Character> listener = keyListener;
        if (listener != null) {
            callbacks.submit(() -> listener.accept(key));
        }
    }

    @Override
    public int localPort() {
        return port;
    }

    @Override
    public void encrypt(Optional<SrtpKeys> keys) {
        controlEncrypting = SrtcpStream.keyedWith(keys.map(SrtpKeys::ours).orElse(null), controlEncrypting);
        controlDecrypting = SrtcpStream.keyedWith(keys.map(SrtpKeys::theirs).orElse(null), controlDecrypting);
        out.encryptWith(keys.map(SrtpKeys::ours).orElse(null));
        decrypting = SrtpStream.keyedWith(keys.map(SrtpKeys::theirs).orElse(null), decrypting);
    }

    @Override
    public void connect(InetSocketAddress remote, Codec codec, int telephoneEventPayloadType) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(codec, "codec");
        if (telephoneEventPayloadType < -1 || telephoneEventPayloadType > 127) {
            throw new IllegalArgumentException("telephone-event payload type " + telephoneEventPayloadType + " is not -1 or 0-127");
        }
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("the far end's address " + remote + " is not resolved");
        }
        sources = new SourceLatch(remote);
        far = new Far(remote, codec, telephoneEventPayloadType);
        controlLatched = null;
        controlGiven = null;
        lastHeardNanos = System.nanoTime();
    }

    @Override
    public void reportTo(Optional<InetSocketAddress> control) {
        controlGiven = control.orElse(null);
    }

    @Override
    public void play(AudioClip clip, boolean loop, Runnable whenOver) {
        Objects.requireNonNull(clip, "clip");
        Far current = far;
        if (current != null) {
            clip.encoded(current.codec()); // encoded here, once, rather than on the pacing thread every leg shares
        }
        endRinging(); // a prompt for the agent waiting on a call is heard, not queued after its endless ring-back
        if (!closed) {
            playout.add(clip, loop, whenOver);
        }
    }

    @Override
    public void stopPlaying() {
        endRinging();
        playout.clear();
    }

    @Override
    public void onKey(Consumer<Character> keys) {
        keyListener = keys;
    }

    @Override
    public void listenForMachine(Consumer<Answerer> whoAnswered) {
        Objects.requireNonNull(whoAnswered, "whoAnswered");
        listening.set(new Listening<>(new HeardAudio<>(new GreetingAnalysis(), System.nanoTime()), whoAnswered));
    }

    @Override
    public void listenForNetworkTones(Consumer<Answerer> announced) {
        Objects.requireNonNull(announced, "announced");
        listening.set(new Listening<>(new HeardAudio<>(new NetworkTones(), System.nanoTime()), announced));
    }

    @Override
    public void listenForNothing() {
        listening.set(null);
    }

    @Override
    public void afterGreeting(Runnable whenOver) {
        Objects.requireNonNull(whenOver, "whenOver");
        listening.set(new Listening<>(new HeardAudio<>(new GreetingEnd(), System.nanoTime()), over -> whenOver.run()));
    }

    @Override
    public void farEndHolds(boolean holds) {
        if (farEndHolds == holds) {
            return;
        }
        farEndHolds = holds;
        RtpLeg bridged = peer;
        if (bridged != null) {
            bridged.heardFrom(this);
        }
        Consumer<Boolean> told = farEndHoldsTold;
        if (told != null) {
            told.accept(holds);
        }
    }

    @Override
    public void onFarEndHolds(Consumer<Boolean> told) {
        farEndHoldsTold = told;
    }

    @Override
    public void holdMusic(AudioClip music) {
        Objects.requireNonNull(music, "music");
        Far current = far;
        if (current != null) {
            music.encoded(current.codec()); // encoded here, once, rather than on the pacing thread
        }
        holdMusic = music;
        RtpLeg bridged = peer;
        if (hearsHoldMusic(bridged)) {
            heardFrom(bridged); // given while already on hold: heard from now on
        }
    }

    @Override
    public void hold(boolean onHold) {
        if (held == onHold) {
            return;
        }
        held = onHold;
        RtpLeg bridged = peer;
        heardFrom(bridged);
        if (bridged != null) {
            bridged.out.sourceChanged(); // from what this leg said to silence, and back
        }
    }

    /** This leg now hears {@code bridged} (or nothing bridged): its hold music from the start while on hold. */
    private void heardFrom(RtpLeg bridged) {
        heldPlayout.clear();
        if (hearsHoldMusic(bridged)) {
            heldPlayout.add(holdMusic, true, null);
        }
        out.sourceChanged();
    }

    /** Whether this leg, bridged to {@code bridged}, hears its hold music: it is held, or the other side holds. */
    private boolean hearsHoldMusic(RtpLeg bridged) {
        return bridged != null && (held || bridged.farEndHolds);
    }

    @Override
    public void record(CallRecording recording) {
        this.recording.set(Objects.requireNonNull(recording, "recording"));
        if (closed && this.recording.compareAndSet(recording, null)) {
            recording.over(closedNanos); // the leg closed meanwhile: its owner still gets it back, empty
        }
    }

    @Override
    public void pauseRecording(boolean paused) {
        CallRecording recorder = recording.get();
        if (recorder != null) {
            recorder.pause(paused);
        }
    }

    @Override
    public void listenTo(MediaLeg monitored, Runnable whenOver) {
        Objects.requireNonNull(whenOver, "whenOver");
        RtpLeg that = engine.own(monitored);
        if (that == this) {
            throw new IllegalArgumentException("a leg cannot listen in on itself");
        }
        MonitorMix mix = new MonitorMix(that, () -> callbacks.submit(whenOver));
        playout.clear();
        stopListening();
        stopSpeaking();
        listeningTo = mix;
        that.monitors.add(mix);
        if (that.closed && that.monitors.remove(mix)) {
            mix.end(); // it closed meanwhile
        }
    }

    @Override
    public void hearRinging(MediaLeg ringing, AudioClip ringBack) {
        Objects.requireNonNull(ringBack, "ringBack");
        RtpLeg that = engine.own(ringing);
        if (that == this) {
            throw new IllegalArgumentException("a leg cannot hear itself ring");
        }
        endRinging();
        Far current = far;
        if (current != null) {
            ringBack.encoded(current.codec()); // encoded here, once, rather than on the pacing thread
        }
        playout.clear();
        playout.add(ringBack, true, null);
        this.ringing = that;
        that.ringingHeardBy = this;
        if (that.closed || closed) {
            endRinging(); // either closed meanwhile: nothing to hear
        }
    }

    /** No longer hears the leg it heard ring, if any: its ring-back stops, and silence (or what plays next) follows. */
    private void endRinging() {
        RtpLeg heard = ringing;
        if (heard == null) {
            return;
        }
        ringing = null;
        if (heard.ringingHeardBy == this) {
            heard.ringingHeardBy = null;
        }
        playout.clear();
        out.sourceChanged();
    }

    @Override
    public void ringingEndsWith(AudioClip tone) {
        Objects.requireNonNull(tone, "tone");
        RtpLeg hearer = ringingHeardBy;
        if (hearer != null && hearer.ringing == this) {
            hearer.play(tone, false, null); // which ends its ringing
        }
    }

    /** Whoever heard this leg ring hears it no longer: it was answered and bridged, or it ended. */
    private void endHeardRinging() {
        RtpLeg hearer = ringingHeardBy;
        if (hearer != null) {
            hearer.endRinging();
        }
    }

    @Override
    public boolean speakInto(MediaLeg monitored, ListeningMode mode) {
        Objects.requireNonNull(mode, "mode");
        RtpLeg customer = engine.own(monitored);
        RtpLeg agent = customer.peer();
        if (closed || customer == this || agent == this || (mode == ListeningMode.COACH && agent == null)) {
            return false;
        }
        stopSpeaking();
        List<RtpLeg> hearers = switch (mode) {
            case LISTEN -> List.of();
            case COACH -> List.of(agent);
            // with no agent on the call yet, barging in is talking to the customer
            case BARGE -> agent == null ? List.of(customer) : List.of(agent, customer);
        };
        List<MonitorMix> mixes = hearers.stream().map(hearer -> new MonitorMix(hearer, () -> { })).toList();
        speakingInto = mixes;
        for (MonitorMix mix : mixes) {
            mix.monitored().withSupervisor = mix;
            mix.monitored().out.sourceChanged(); // from relayed packets to its own mixed ones: one stream all the same
        }
        return true;
    }

    /**
     * This supervisor barged in and {@code hearer} hears what they said: so do the others listening in on it (a second
     * supervisor, a trainee), though not this one, who hears the call without themselves.
     */
    private void heardByTheOtherListeners(RtpLeg hearer, int count) {
        MonitorMix own = listeningTo;
        for (MonitorMix other : hearer.monitors) {
            if (other != own) {
                other.barged(heard, count);
            }
        }
    }

    /** The leg this one listened in on no longer feeds it, nor tells it of its close. */
    private void stopListening() {
        MonitorMix listened = listeningTo;
        if (listened != null) {
            listened.monitored().monitors.remove(listened);
        }
    }

    /** Those this leg's supervisor spoke into hear what is relayed to them alone again. */
    private void stopSpeaking() {
        List<MonitorMix> spokenInto = speakingInto;
        speakingInto = List.of();
        for (MonitorMix mix : spokenInto) {
            RtpLeg hearer = mix.monitored();
            if (hearer.withSupervisor == mix) {
                hearer.withSupervisor = null;
                hearer.out.sourceChanged();
            }
        }
    }

    @Override
    public void bridge(MediaLeg other) {
        RtpLeg that = engine.own(other);
        if (that == this) {
            throw new IllegalArgumentException("a leg cannot be bridged to itself");
        }
        engine.bridge(this, that);
    }

    @Override
    public void unbridge() {
        engine.unbridge(this);
    }

    @Override
    public MediaStats stats() {
        return new MediaStats(packetsReceived.get(), out.packetsSent(), packetsRelayed.get(),
                Optional.ofNullable(firstRelayedSent), reception.quality().map(this::withRoundTrip), receivedBridged());
    }

    /** The quality of what this leg received, with the round trip its RTCP measured, if it did. */
    private AudioQuality withRoundTrip(AudioQuality received) {
        OptionalDouble roundTrip = rtcp.meanRoundTripMillis();
        return roundTrip.isPresent() ? received.withRoundTrip(roundTrip.getAsDouble()) : received;
    }

    @Override
    public boolean farEndSilentLongerThan(Duration limit) {
        return far != null && !farEndHolds && !closed && System.nanoTime() - lastHeardNanos > limit.toNanos();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closedNanos = System.nanoTime();
        closed = true;
        Far last = far;
        if (last != null) {
            sendReport(last, closedNanos, true, new byte[RtcpPacket.MAX_WRITTEN]); // the pacer may be using its own
        }
        engine.unbridge(this);
        playout.clear();
        keyListener = null;
        listening.set(null);
        CallRecording recorded = recording.getAndSet(null);
        if (recorded != null) {
            recorded.over(closedNanos);
        }
        for (MonitorMix mix : monitors) {
            if (monitors.remove(mix)) {
                mix.end();
            }
        }
        endRinging();
        endHeardRinging();
        stopListening();
        stopSpeaking();
        withSupervisor = null;
        callbacks.cancel();
        engine.closed(this);
    }

    boolean isClosed() {
        return closed;
    }

    DatagramChannel channel() {
        return channel;
    }

    RtpLeg peer() {
        return peer;
    }

    void peer(RtpLeg leg) {
        if (leg != null) {
            endRinging();
            endHeardRinging();
        }
        RtpLeg before = peer;
        if (before != null && peerBridgedAt != null) {
            receivedBridged = before.reception.since(peerBridgedAt).map(before::withRoundTrip);
        }
        peerBridgedAt = leg == null ? null : leg.reception.mark();
        this.peer = leg;
        heardFrom(leg);
    }

    /** What the bridged leg received while bridged to this one: the bridge on now's so far, else the last one's. */
    private Optional<AudioQuality> receivedBridged() {
        RtpLeg now = peer;
        ReceptionStatistics.Mark at = peerBridgedAt;
        return now != null && at != null ? now.reception.since(at).map(now::withRoundTrip) : receivedBridged;
    }

    void closeChannel() {
        close(channel);
        close(control);
    }

    private static void close(DatagramChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a UDP socket has nothing to flush
        }
    }

    DatagramChannel control() {
        return control;
    }

    /**
     * One datagram on the RTCP port (on the engine's receiving thread): the far end's reports (SRTCP of its key with
     * SRTP), from where its first came, which must be the host its audio comes from (or, before any came, the one its
     * SDP named): a stranger's forged report would skew the call's round trip. Nothing before the far end is known.
     */
    void receiveControl(byte[] data, int datagramLength, InetSocketAddress source, long nowNanos) {
        Far current = far;
        InetSocketAddress from = controlLatched;
        if (closed || current == null || (from != null ? !from.equals(source)
                : !source.getAddress().equals(current.address().getAddress()))) {
            return;
        }
        SrtcpStream srtcp = controlDecrypting;
        int length = srtcp == null ? datagramLength : srtcp.unprotect(data, datagramLength);
        if (length > 0 && RtcpPacket.read(data, length, heard -> rtcp.received(heard, out.ssrc(), nowNanos))
                && from == null) {
            controlLatched = source;
        }
    }

    /** RTCP's report, when due (RFC 3550 §6.2). */
    private void reportIfDue(Far current, long nowNanos) {
        if (rtcp.due(nowNanos)) {
            sendReport(current, nowNanos, false, report);
        }
    }

    /**
     * A sender report (a receiver report before this leg sent anything) with a block on the far end's stream once it
     * sent any, its CNAME, and a BYE where {@code goodbye}: to where the far end's RTCP comes from, else where its SDP
     * said, else to its RTP address's next port.
     */
    private void sendReport(Far current, long nowNanos, boolean goodbye, byte[] packet) {
        RtcpPacket.ReportBlock block = reception.report().map(counts -> rtcp.block(counts, nowNanos)).orElse(null);
        int plainLength = RtcpPacket.write(packet, out.ssrc(), out.sender(rtcp.clock().at(nowNanos), nowNanos), block,
                cname, goodbye);
        SrtcpStream srtcp = controlEncrypting;
        int length = srtcp == null ? plainLength : srtcp.protect(packet, plainLength);
        InetSocketAddress to = controlLatched != null ? controlLatched : controlGiven;
        if (to == null) {
            InetSocketAddress rtp = current.address();
            if (rtp.getPort() == 65535) {
                return; // no next port
            }
            to = new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1);
        }
        if (to.getAddress().isAnyLocalAddress()) {
            return; // 0.0.0.0, the old way to hold a call (RFC 3264 §8.4): sent there, it would reach this host
        }
        try {
            control.send(ByteBuffer.wrap(packet, 0, length), to);
        } catch (IOException notSent) {
            // ICMP unreachable (a far end without RTCP), a closed leg: the next report is sent as usual
        }
    }

    /** One received datagram (on the engine's receiving thread). */
    void receive(byte[] data, int datagramLength, InetSocketAddress source, long nowNanos) {
        if (RtcpPacket.isRtcp(data, datagramLength)) {
            receiveControl(data, datagramLength, source, nowNanos); // multiplexed on the RTP port (RFC 5761)
            return;
        }
        SrtpStream srtp = decrypting;
        int length = srtp == null ? datagramLength : srtp.unprotect(data, datagramLength);
        if (closed || length < 0 || !received.parse(data, length)) {
            return;
        }
        packetsReceived.incrementAndGet();
        Far current = far;
        if (current == null) {
            // No SDP answer read yet: nothing to relay to, no key to expect. A far end that sends as it answers is
            // heard here a moment before its answer is read: its first packets are its audio all the same.
            reception.packet(received.ssrc, received.sequence, received.timestamp, nowNanos, true);
            return;
        }
        InetSocketAddress farEnd = sources.accept(source, received.sequence);
        if (farEnd == null) {
            return; // not the far end's
        }
        if (!farEnd.equals(current.address())) {
            current = current.to(farEnd); // a phone behind NAT is reached where its packets come from
            far = current;
        }
        lastHeardNanos = nowNanos;
        reception.packet(received.ssrc, received.sequence, received.timestamp, nowNanos,
                received.payloadType != current.telephoneEventPayloadType());
        RtpLeg to = peer;
        if (received.payloadType == current.telephoneEventPayloadType()) {
            boolean passedOn = keys.packet(received.timestamp, data, received.payloadOffset,
                    received.payloadLength, nowNanos);
            if (passedOn && to != null && !holding(to)) {
                to.relayEvent(received, nowNanos);
            }
        } else {
            Codec codec = codecOf(received.payloadType);
            if (codec == null) {
                return;
            }
            // No RFC 4733 events offered: keys come as tones in the audio, if at all.
            boolean keysAsTones = current.telephoneEventPayloadType() < 0;
            Listening<?> listener = listening.get();
            CallRecording recorder = recording.get();
            List<MonitorMix> spokenInto = speakingInto;
            if (keysAsTones || listener != null || recorder != null || !monitors.isEmpty() || !spokenInto.isEmpty()) {
                int count = decode(codec, received);
                if (keysAsTones) {
                    toneKeys.heard(heard, count);
                }
                if (listener != null) {
                    listen(listener, count, nowNanos);
                }
                if (recorder != null) {
                    recorder.said(heard, count, nowNanos);
                }
                for (MonitorMix mix : monitors) {
                    mix.said(heard, count);
                }
                for (MonitorMix mix : spokenInto) {
                    mix.heard(heard, count);
                    heardByTheOtherListeners(mix.monitored(), count);
                }
            }
            if (to != null && !holding(to)) {
                to.relayAudio(received, codec, nowNanos);
            } else if (to == null && ringingHeardBy instanceof RtpLeg hearer) {
                hearer.relayAudio(received, codec, nowNanos); // heard ringing, one way
            }
        }
    }

    /** Whether either side of the bridge to {@code to} is on hold, by its phone or by Outdial: nothing is relayed. */
    private boolean holding(RtpLeg to) {
        return farEndHolds || to.farEndHolds || held || to.held;
    }

    /**
     * A received packet's audio into {@link #heard}; how many samples. One receiving thread serves every leg, so this
     * leg's own packets and those relayed to it share the buffer.
     */
    private int decode(Codec codec, RtpPacket packet) {
        int length = packet.payloadLength;
        if (heard.length < length) {
            heard = new short[length];
        }
        G711.decode(codec, packet.data, packet.payloadOffset, length, heard);
        return length;
    }

    private <T> void listen(Listening<T> current, int count, long nowNanos) {
        tell(current, current.audio().audio(received.timestamp, heard, count, nowNanos));
    }

    private <T> void tellQuiet(Listening<T> current, long nowNanos) {
        tell(current, current.audio().quiet(nowNanos));
    }

    /** What the listening told, to whoever waits for it, once. */
    private <T> void tell(Listening<T> current, Optional<T> told) {
        if (told.isPresent() && listening.compareAndSet(current, null)) {
            callbacks.submit(() -> current.then().accept(told.get()));
        }
    }

    /** 20 ms passed (on the engine's pacing thread): a prompt's next packet, or silence, unless bridged. */
    void tick(long nowNanos) {
        keys.expire(nowNanos);
        Listening<?> listener = listening.get();
        if (listener != null) {
            tellQuiet(listener, nowNanos);
        }
        Far current = far;
        if (closed || current == null) {
            return;
        }
        reportIfDue(current, nowNanos); // on hold too: RTCP goes on while the media pauses (RFC 3264 §8.4)
        if (farEndHolds) {
            return;
        }
        if (sendKey(current, nowNanos)) {
            return;
        }
        if (listeningTo != null) {
            sendMixed(listeningTo, current, nowNanos);
            return;
        }
        MonitorMix supervised = withSupervisor;
        RtpLeg bridged = peer;
        boolean onHoldMusic = bridged != null && hearsHoldMusic(bridged);
        if (supervised != null && !onHoldMusic) {
            sendMixed(supervised, current, nowNanos);
            CallRecording recorder = recording.get();
            if (recorder != null) {
                recorder.heard(mixed, mixed.length, nowNanos); // the supervisor's voice is part of what the call heard
            }
            return;
        }
        if (supervised != null) {
            // on hold, a supervisor barged in talks to the agent alone: what they say is dropped here, not kept
            supervised.next(mixed, mixed.length);
        }
        if (bridged != null && !holding(bridged)) {
            return; // relayed as it comes
        }
        RtpLeg heardRinging = ringing;
        if (bridged == null && heardRinging != null && heardRinging.far != null) {
            return; // what the ringing leg's far end sends is relayed as it comes, in place of the ring-back
        }
        // Bridged and on hold: the hold music, or silence for the side whose other side Outdial holds.
        Playout source = bridged == null ? playout : onHoldMusic ? heldPlayout : null;
        Runnable ended = source == null ? null : source.next(current.codec(), frame);
        if (ended == null) {
            java.util.Arrays.fill(frame, G711.silence(current.codec()));
        }
        if (out.sendLocal(current.codec().payloadType(), frame, nowNanos, channel, current.address())) {
            CallRecording recorder = recording.get();
            if (recorder != null || !monitors.isEmpty()) {
                G711.decode(current.codec(), frame, 0, frame.length, playedHeard);
                if (recorder != null) {
                    recorder.heard(playedHeard, frame.length, nowNanos);
                }
                for (MonitorMix mix : monitors) {
                    mix.heard(playedHeard, frame.length);
                }
            }
        }
        if (ended != null && ended != Playout.PLAYING) {
            callbacks.submit(ended);
        }
    }

    /** The next packet of a key {@link #keysSent} sends, if one is being sent; whether it was. */
    private boolean sendKey(Far current, long nowNanos) {
        if (!keysSent.sending()) {
            return false; // as nearly always: no lock taken on the pacer's every tick
        }
        boolean events = current.telephoneEventPayloadType() >= 0;
        KeysSent.Packet key = keysSent.next(events, current.codec());
        if (key == null) {
            return false;
        }
        if (events) {
            out.sendEvent(current.telephoneEventPayloadType(), key.payload(), key.start(), nowNanos, channel,
                    current.address());
        } else {
            out.sendLocal(current.codec().payloadType(), key.payload(), nowNanos, channel, current.address());
        }
        return true;
    }

    /** The next 20 ms of the call this leg listens in on; silence once that call is over. */
    private void sendMixed(MonitorMix listened, Far current, long nowNanos) {
        if (listened.isOver()) {
            java.util.Arrays.fill(mixed, (short) 0);
        } else {
            listened.next(mixed, mixed.length);
        }
        G711.encode(current.codec(), mixed, frame);
        out.sendLocal(current.codec().payloadType(), frame, nowNanos, channel, current.address());
    }

    private void relayAudio(RtpPacket packet, Codec codec, long nowNanos) {
        Far current = far;
        if (closed || current == null || keysSent.sending()) {
            return;
        }
        CallRecording recorder = recording.get();
        MonitorMix supervised = withSupervisor;
        if (recorder != null || !monitors.isEmpty() || supervised != null) {
            // decoded before it is sent: sending may transcode the packet in place
            int count = decode(codec, packet);
            for (MonitorMix mix : monitors) {
                mix.heard(heard, count); // the other side alone: a supervisor barged in does not hear themselves
            }
            if (supervised != null) {
                supervised.said(heard, count); // sent mixed with the supervisor's voice on the pacer, recorded there
                return;
            }
            if (recorder != null) {
                recorder.heard(heard, count, nowNanos);
            }
        }
        if (out.sendRelayed(packet, current.codec().payloadType(), codec, current.codec(), nowNanos, channel,
                current.address())) {
            countRelayed();
        }
    }

    private void relayEvent(RtpPacket packet, long nowNanos) {
        Far current = far;
        if (closed || current == null || current.telephoneEventPayloadType() < 0 || keysSent.sending()) {
            return; // the far end takes no RFC 4733 events (it hears the key as tones), or hears another key now
        }
        if (out.sendRelayed(packet, current.telephoneEventPayloadType(), null, null, nowNanos, channel,
                current.address())) {
            countRelayed();
        }
    }

    private void countRelayed() {
        if (packetsRelayed.getAndIncrement() == 0) {
            firstRelayedSent = Instant.now();
        }
    }

    private static Codec codecOf(int payloadType) {
        for (Codec codec : Codec.values()) {
            if (codec.payloadType() == payloadType) {
                return codec;
            }
        }
        return null;
    }
}
