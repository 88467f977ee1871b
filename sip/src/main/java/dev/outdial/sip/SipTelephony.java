package dev.outdial.sip;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.MachineDetection;
import dev.outdial.engine.port.Telephony;
import dev.outdial.sip.media.CallRecording;
import dev.outdial.sip.media.MediaEngine;
import dev.outdial.sip.media.MediaLeg;
import dev.outdial.sip.signal.Bindings;
import dev.outdial.sip.signal.EventSink;
import dev.outdial.sip.signal.Leg;
import dev.outdial.sip.signal.MediaPorts;
import dev.outdial.sip.signal.NailedUpLines;
import dev.outdial.sip.signal.Nonces;
import dev.outdial.sip.signal.PromptLibrary;
import dev.outdial.sip.signal.Registrar;
import dev.outdial.sip.signal.ShownCertificate;
import dev.outdial.sip.signal.SipCalls;
import dev.outdial.sip.signal.SipEndpoint;
import dev.outdial.sip.signal.TrunkKeepAlive;
import dev.outdial.sip.signal.TrunkRegistration;
import dev.outdial.sip.signal.Trunks;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telephony port over SIP. Started with {@link #start}, ended with {@link #close}; also the
 * registrar ({@link #registrations()}), the agents' nailed-up lines ({@link #agentLines()}) and the door for the
 * trunk's calls ({@link #receiveCalls}).
 *
 * <p>A facade: {@code signal} does the SIP ({@link SipCalls} holds the legs), {@code media} the
 * RTP. Every method returns at once; events come on the adapter's event thread.
 */
public final class SipTelephony implements Telephony, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipTelephony.class);
    /** RFC 3261's T1; a request unanswered for 64 × T1 (32 s) is a network error. */
    private static final Duration STANDARD_T1 = Duration.ofMillis(500);
    /** How often expired registrations are swept, so an agent whose phone vanished is seen unregistered. */
    private static final Duration SWEEP = Duration.ofSeconds(5);
    /** How long closing waits for the far ends to confirm our CANCELs before the stack stops. */
    private static final Duration CLOSING_PATIENCE = Duration.ofSeconds(2);
    /** The longest a message waits for a machine's greeting to end, should the media never tell: past its 30 s. */
    private static final Duration GREETING_AT_MOST = Duration.ofSeconds(35);
    /**
     * How long a recording's files in the spool go unwritten before they are taken for a killed run's: one being made
     * writes them every two seconds, and a node sharing the directory (it should not) would be making it.
     */
    private static final Duration SPOOL_QUIET = Duration.ofMinutes(1);
    /** How long files in the spool no call can be told from go unwritten before they are removed. */
    private static final Duration SPOOL_LEFT_OVER = Duration.ofHours(6);

    private final SipSettings settings;
    private final PhoneBook phones;
    private final PromptSource promptSource;
    private final Function<SipSettings, MediaPorts> mediaPorts;
    private final Duration t1;
    private TrunkDns trunkDns = new TrunkDns();
    private Duration trunkDnsEvery = CarrierDomain.ASKED_EVERY;
    private final Clock clock = Clock.systemUTC();
    private final Bindings bindings = new Bindings(clock);
    /** Each supervisor's listening once their phone answered: the call listened in on and their leg. */
    private final Map<AgentId, Listening> listenings = new ConcurrentHashMap<>();
    /** The leg each agent answered on their phone when rung (not their nailed-up line), while it is up. */
    private final Map<AgentId, CallId> answeredAgentLegs = new ConcurrentHashMap<>();
    /** The agents' phones ringing for a call apart from their lines, until answered or ended. */
    private final Map<CallId, PhoneRing> phoneRings = new ConcurrentHashMap<>();
    private ScheduledExecutorService timers;
    /** Asks the carrier's DNS where its trunks are, where it was given as a domain. */
    private Optional<ScheduledExecutorService> carrierDns = Optional.empty();
    private Duration certificateCheckedEvery = Duration.ofMinutes(1);
    private volatile Optional<CertificateRenewals> certificate = Optional.empty();
    private Optional<ScheduledExecutorService> certificateChecks = Optional.empty();
    private ExecutorService converter;
    private ExecutorService offers;
    private volatile IncomingCalls incoming = IncomingCalls.NONE;
    private volatile Optional<CallRecordings> recordings = Optional.empty();
    private volatile PhoneActions phoneActions = PhoneActions.NONE;
    private volatile CallQualities callQualities = CallQualities.NONE;
    private volatile TrunkAnswers trunkAnswers = TrunkAnswers.NONE;
    /** Told when the carrier's trunks change ({@link #whenTrunksChange}), across restarts. */
    private final List<Runnable> trunkFollowers = new CopyOnWriteArrayList<>();
    private EventSink events;
    private MediaPorts media;
    private SipEndpoint endpoint;
    /** Set once started, cleared when closed; read without the lock so a closing adapter never blocks a caller. */
    private volatile SipCalls calls;
    private volatile NailedUpLines lines;
    private volatile TrunkKeepAlive keepAlive;
    private volatile Optional<TrunkRegistration> registration = Optional.empty();

    public SipTelephony(SipSettings settings, PhoneBook phones, PromptSource prompts) {
        this(settings, phones, prompts, SipTelephony::mediaEngine, STANDARD_T1);
    }

    /** For tests: other media (a fake for signalling alone) and a shorter T1, so Timer B fires soon. */
    SipTelephony(SipSettings settings, PhoneBook phones, PromptSource prompts,
                 Function<SipSettings, MediaPorts> mediaPorts, Duration t1) {
        this.settings = settings;
        this.phones = phones;
        this.promptSource = prompts;
        this.mediaPorts = mediaPorts;
        this.t1 = t1;
    }

    /** Binds the SIP listening point and the RTP range; an exception names the setting that prevents it. */
    public synchronized void start() {
        if (endpoint != null) {
            return;
        }
        Optional<CarrierDomain> carrier = settings.trunkDomain().map(domain -> new CarrierDomain(settings, trunkDns));
        // where the carrier's DNS cannot tell yet, its domain stands in for the trunks (unresolved: nothing is sent)
        Trunks trunks = carrier.flatMap(CarrierDomain::located).map(now -> new Trunks(now.primary(), now.backups()))
                .orElseGet(() -> new Trunks(settings.trunk(), settings.backupTrunk().stream().toList()));
        media = mediaPorts.apply(settings);
        try {
            endpoint = new SipEndpoint(settings, t1);
        } catch (RuntimeException e) {
            media.close();
            throw e;
        }
        timers = Executors.newScheduledThreadPool(1, daemon("outdial-sip-timers"));
        converter = Executors.newFixedThreadPool(1, daemon("outdial-prompt-conversion"));
        offers = Executors.newSingleThreadExecutor(daemon("outdial-sip-incoming"));
        events = new EventSink();
        Registrar registrar = new Registrar(endpoint, phones, bindings, new Nonces(clock, Duration.ofMinutes(5)),
                settings.realm(), clock);
        calls = new SipCalls(endpoint, trunks, media, events, timers, new PromptLibrary(promptSource, converter),
                registrar, offers);
        calls.receiveCalls(incoming);
        calls.tellOfCallQuality(callQualities);
        calls.tellOfTrunkAnswers(trunkAnswers);
        trunkFollowers.forEach(trunks::whenTheyChange);
        lines = new NailedUpLines(calls, bindings, settings.keepAlive());
        endpoint.route(calls);
        keepAlive = new TrunkKeepAlive(endpoint, calls.requests(), trunks, clock);
        keepAlive.start(timers);
        registration = settings.registration().map(expires -> new TrunkRegistration(endpoint, calls.requests(),
                trunks, calls.trunkAuth(), clock, settings.trunkUsername().orElseThrow(), expires));
        registration.ifPresent(registering -> registering.start(timers));
        timers.scheduleWithFixedDelay(bindings::expire, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        settings.mediaTimeout().ifPresent(limit -> {
            // checked four times within the limit, so a call is ended at most a quarter of it late
            long every = Math.min(SWEEP.toMillis(), Math.max(1, limit.toMillis() / 4));
            SipCalls started = calls;
            timers.scheduleWithFixedDelay(() -> started.hangUpSilent(limit), every, every, TimeUnit.MILLISECONDS);
        });
        carrier.ifPresent(domain -> {
            // its own thread: a DNS that does not answer holds it for seconds, which no call's timer may wait
            ScheduledExecutorService asking = Executors.newSingleThreadScheduledExecutor(
                    daemon("outdial-sip-carrier-dns"));
            carrierDns = Optional.of(asking);
            asking.scheduleWithFixedDelay(() -> domain.located().ifPresent(now -> trunks.moveTo(now.primary(),
                    now.backups())), trunkDnsEvery.toMillis(), trunkDnsEvery.toMillis(), TimeUnit.MILLISECONDS);
        });
        endpoint.shownCertificate().ifPresent(shown -> checkForRenewals(shown, settings.tls().orElseThrow()));
        LOG.info("SIP listening on {}, trunks {} over {}", settings.listen(), trunks, settings.transport());
    }

    /** Its own thread, as a file system that does not answer (a network mount) may hold it: no call's timer waits. */
    private void checkForRenewals(ShownCertificate shown, SipTls tls) {
        CertificateRenewals renewals = new CertificateRenewals(shown, tls, clock);
        certificate = Optional.of(renewals);
        ScheduledExecutorService checking = Executors.newSingleThreadScheduledExecutor(
                daemon("outdial-sip-certificate"));
        certificateChecks = Optional.of(checking);
        long every = certificateCheckedEvery.toMillis();
        checking.scheduleWithFixedDelay(renewals::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** For tests: how often the certificate's files are checked for a renewal. */
    void checkCertificateEvery(Duration every) {
        certificateCheckedEvery = every;
    }

    /**
     * The certificate SIP over TLS shows, and a renewal of it not taken; empty without TLS
     * ({@code sip.tls.key-store} or {@code sip.tls.certificate}).
     */
    public Optional<TlsCertificateStatus> tlsCertificate() {
        return certificate.map(CertificateRenewals::status);
    }

    /** For tests: the DNS server the carrier's SRV records are asked of, and how often. */
    void lookUpTrunksWith(TrunkDns dns, Duration every) {
        trunkDns = dns;
        trunkDnsEvery = every;
    }

    private static MediaPorts mediaEngine(SipSettings settings) {
        MediaEngine engine;
        try {
            engine = new MediaEngine(settings.listen().getAddress() != null ? settings.listen().getAddress()
                    : InetAddress.getLoopbackAddress(), settings.rtpPortFirst(), settings.rtpPortLast(),
                    settings.rtcpInterval());
        } catch (RuntimeException e) {
            throw new IllegalStateException("outdial.telephony.sip.rtp-ports: cannot use " + settings.rtpPortFirst()
                    + "-" + settings.rtpPortLast() + " (" + e.getMessage() + ")", e);
        }
        return new MediaPorts() {
            @Override
            public MediaLeg open() throws IOException {
                return engine.open();
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }

    /** Where calls from the trunk go; until this is called every one is refused (403). */
    public void receiveCalls(IncomingCalls routing) {
        incoming = routing;
        SipCalls running = calls;
        if (running != null) {
            running.receiveCalls(routing);
        }
    }

    /**
     * Where the calls the engine asks to {@link #record} go; until this is called none is recorded. What this node
     * left in the spool when it was killed mid-call (untouched for {@link #SPOOL_QUIET}) is finished and kept as the
     * calls' recordings, as far as it reached the disk, in the background; what no call can be told from, once
     * untouched for {@link #SPOOL_LEFT_OVER}, is removed.
     */
    public void keepRecordings(CallRecordings where) {
        try {
            Files.createDirectories(where.spool());
        } catch (IOException e) {
            // said now, at the start, rather than once a recorded campaign's first call goes unrecorded
            LOG.warn("Calls cannot be recorded: the recordings spool {} is not writable ({})", where.spool(),
                    e.toString());
        }
        recordings = Optional.of(where);
        Instant now = clock.instant();
        Thread.ofVirtual().name("recordings-recovery").start(() -> recoverAbandoned(where, now));
    }

    private void recoverAbandoned(CallRecordings where, Instant now) {
        try {
            for (CallRecording.Abandoned left : CallRecording.abandoned(where.spool(), now.minus(SPOOL_QUIET))) {
                Path wav = Files.createTempFile(where.spool(), "call-", ".wav");
                try {
                    Duration length = left.finish(wav);
                    if (!length.isZero()) {
                        where.store().keep(new CallId(left.callId()), wav, length);
                        LOG.info("Kept the recording of call {} that the node's last run left unfinished ({})",
                                left.callId(), length);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("The unfinished recording of call {} is lost", left.callId(), e);
                } finally {
                    Files.deleteIfExists(wav);
                }
            }
            CallRecording.removeAbandoned(where.spool(), now.minus(SPOOL_LEFT_OVER));
        } catch (IOException e) {
            LOG.warn("The recordings spool {} could not be read for what the last run left ({})", where.spool(),
                    e.toString());
        }
    }

    /**
     * Where the quality of each customer's call (how their audio reached Outdial: loss, jitter) is told as it ends
     * ({@link CallQualities}); until set, nowhere.
     */
    public synchronized void tellOfCallQuality(CallQualities where) {
        callQualities = Objects.requireNonNull(where, "where");
        if (calls != null) {
            calls.tellOfCallQuality(where);
        }
    }

    /**
     * Where what the carrier's trunks answered each call placed through them is told as it ends ({@link TrunkAnswers});
     * until set, nowhere.
     */
    public synchronized void tellOfTrunkAnswers(TrunkAnswers where) {
        trunkAnswers = Objects.requireNonNull(where, "where");
        if (calls != null) {
            calls.tellOfTrunkAnswers(where);
        }
    }

    /** Where what the phones do on calls of their own accord is told ({@link PhoneActions}); until set, nowhere. */
    public void tellOfPhoneActions(PhoneActions where) {
        phoneActions = Objects.requireNonNull(where, "where");
    }

    /**
     * Runs {@code follow} whenever calls move to another of the carrier's trunks or its DNS names others (so
     * {@link #trunkStates} may have new roles), on the SIP side's threads: it must return at once.
     */
    public synchronized void whenTrunksChange(Runnable follow) {
        trunkFollowers.add(Objects.requireNonNull(follow, "follow"));
        if (calls != null) {
            calls.trunks().whenTheyChange(follow);
        }
    }

    public PhoneRegistrations registrations() {
        return bindings;
    }

    public AgentLines agentLines() {
        running();
        return lines;
    }

    public TrunkStatus trunkStatus() {
        running();
        return keepAlive.status();
    }

    /** How each of the carrier's trunks answered its last keep-alive, by role: {@code primary}, {@code backup}… */
    public Map<String, TrunkStatus> trunkStates() {
        SipCalls running = calls;
        return running == null ? Map.of() : running.trunks().byRole(); // read by metrics, also once closed
    }

    /** Whether Outdial is registered with the trunk; empty where it does not register ({@code sip.trunk.register}). */
    public Optional<TrunkRegistrationStatus> trunkRegistration() {
        running();
        return registration.map(TrunkRegistration::status);
    }

    @Override
    public void place(CallId call, String from, String to, Duration ringTimeout, MachineDetection detection,
                      Consumer<CallEvent> listener) {
        running().dialCustomer(call, from, to, ringTimeout, detection, listener);
    }

    /**
     * On the agent's nailed-up line, answered at once; else their phone rings at its most recent
     * registration. An agent with no phone registered fails at once as NOANSWER: the engine then
     * offers the customer to the next agent, or ends the call as AGENT_TIMEOUT, without a pointless wait.
     */
    @Override
    public CallId ringAgent(AgentId agent, Duration answerTimeout, Consumer<CallEvent> listener) {
        SipCalls running = running();
        Optional<CallId> onLine = lines.answerOnLine(agent, listener);
        if (onLine.isPresent()) {
            return onLine.get();
        }
        Optional<Bindings.Binding> phone = bindings.phoneToRing(agent);
        if (phone.isEmpty()) {
            LOG.info("Agent {} has no phone registered", agent.value());
            return running.failAtOnce("agent", CallResult.NOANSWER, listener);
        }
        PhoneRing ring = new PhoneRing();
        CallId leg = running.dialAgent(agent, phone.get(), answerTimeout, event -> {
            keepAnswered(agent, event);
            follow(agent, ring, event);
            listener.accept(event);
        });
        phoneRings.put(leg, ring);
        if (ring.over) { // it ended before it was kept here: nothing is left to follow
            phoneRings.remove(leg, ring);
        }
        return leg;
    }

    /**
     * A phone rung for a call, apart from the agent's line: whether its ring is over (answered or ended), and whether
     * the engine ended it (a caller who hung up first, an agent who left), which is no call the phone failed to take.
     */
    private static final class PhoneRing {
        private volatile boolean over;
        private volatile boolean endedByTheEngine;
    }

    /** Once the ring is over, a phone that did not take the call (unless the engine ended it) is told of. */
    private void follow(AgentId agent, PhoneRing ring, CallEvent event) {
        if (event instanceof CallEvent.Answered || event.isTerminal()) {
            ring.over = true;
            phoneRings.remove(event.call(), ring);
            if (event instanceof CallEvent.Failed failed && !ring.endedByTheEngine) {
                lines.callNotTaken(agent, failed.reason());
            }
        }
    }

    /** Keeps the leg {@code agent} answered on their phone while it is up: an agent waiting on a call hears it ring. */
    private void keepAnswered(AgentId agent, CallEvent event) {
        switch (event) {
            case CallEvent.Answered answered -> answeredAgentLegs.put(agent, answered.call());
            case CallEvent.HungUp ended -> answeredAgentLegs.remove(agent, ended.call());
            default -> { }
        }
    }

    /**
     * The agent's phone hears the customer's leg ring, where it is up: on their nailed-up line, or on the leg they
     * answered before the customer was dialed (auto callback). An agent whose phone is not up hears nothing: it is rung
     * once the customer answers.
     */
    @Override
    public void agentHearsRinging(CallId call, AgentId agent) {
        Optional<MediaLeg> waiting = lines.media(agent).or(() -> Optional.ofNullable(answeredAgentLegs.get(agent))
                .flatMap(this::leg).flatMap(Leg::media));
        Optional<Leg> ringing = leg(call);
        if (waiting.isPresent() && ringing.isPresent()) {
            ringing.get().ringingHeardOn(waiting.get());
        } else {
            LOG.debug("Agent {} does not hear call {} ring: {}", agent.value(), call.value(),
                    waiting.isEmpty() ? "their phone is not up" : "the call has ended");
        }
    }

    /**
     * Silent monitoring: rings {@code supervisor}'s registered phone and, once they answer, lets them hear both sides of
     * {@code call} (what its far end says and what it hears) until it ends, when their phone is hung up too; who hears
     * what they say is {@code mode}'s, and their phone's keys change it ({@link ListeningMode#ofKey}). Fails at once as
     * NOANSWER where they have no phone registered, and is hung up at their answer where the call has ended meanwhile.
     * Returns the supervisor's leg, which {@link #hangUp} ends.
     */
    public CallId listenIn(CallId call, AgentId supervisor, ListeningMode mode, Duration answerTimeout,
                           Consumer<CallEvent> listener) {
        SipCalls running = running();
        Optional<Bindings.Binding> phone = bindings.phoneToRing(supervisor);
        if (phone.isEmpty() || leg(call).flatMap(Leg::media).isEmpty()) {
            return running.failAtOnce("monitor", CallResult.NOANSWER, listener);
        }
        return running.dialAgent(supervisor, phone.get(), answerTimeout, event -> {
            if (event instanceof CallEvent.Answered) {
                Optional<MediaLeg> monitored = leg(call).flatMap(Leg::media);
                Optional<MediaLeg> ear = leg(event.call()).flatMap(Leg::media);
                if (monitored.isPresent() && ear.isPresent()) {
                    listen(supervisor, call, monitored.get(), event.call(), ear.get(), mode);
                } else {
                    hangUp(event.call());
                }
            } else if (event instanceof CallEvent.HungUp || event instanceof CallEvent.Failed) {
                // by their leg: the call they listen in on may have changed since, and is the one their listening ends
                Listening ended = listenings.get(supervisor);
                if (ended != null && ended.ear().equals(event.call()) && listenings.remove(supervisor, ended)) {
                    phoneActions.listeningEnded(ended.call(), supervisor);
                }
            }
            listener.accept(event);
        });
    }

    /** {@code supervisor}'s phone, on {@code earLeg}, listens in on {@code call} from now on, as {@code mode} says. */
    private void listen(AgentId supervisor, CallId call, MediaLeg monitored, CallId earLeg, MediaLeg ear,
                        ListeningMode mode) {
        ear.listenTo(monitored, () -> hangUp(earLeg));
        speakInto(call, monitored, earLeg, ear, mode);
        ear.onKey(key -> ListeningMode.ofKey(key).ifPresent(asked -> {
            speakInto(call, monitored, earLeg, ear, asked);
            phoneActions.listeningChanged(call, supervisor, asked);
        }));
        listenings.put(supervisor, new Listening(call, earLeg));
    }

    /**
     * Where {@code supervisor} listens in already (their phone answered and is still up), their phone is not rung
     * again: on {@code call}, who hears them becomes {@code mode}, as their phone's keys would make it; on another
     * call, they move to {@code call}, heard as {@code mode}, and are no longer on the one they left (nobody there
     * hears them, and its end no longer hangs their phone up). Empty where they listen in on nothing, or where
     * {@code call} is not up.
     */
    public Optional<ListeningChange> changeListening(CallId call, AgentId supervisor, ListeningMode mode) {
        Listening listening = listenings.get(supervisor);
        Optional<MediaLeg> monitored = leg(call).flatMap(Leg::media);
        Optional<MediaLeg> ear = Optional.ofNullable(listening).flatMap(now -> leg(now.ear())).flatMap(Leg::media);
        if (monitored.isEmpty() || ear.isEmpty()) {
            return Optional.empty();
        }
        if (listening.call().equals(call)) {
            speakInto(call, monitored.get(), listening.ear(), ear.get(), mode);
            return Optional.of(new ListeningChange(listening.ear(), Optional.empty()));
        }
        listen(supervisor, call, monitored.get(), listening.ear(), ear.get(), mode);
        LOG.info("Supervisor's leg {} moved from call {} to call {}", listening.ear().value(), listening.call().value(),
                call.value());
        return Optional.of(new ListeningChange(listening.ear(), Optional.of(listening.call())));
    }

    /** A supervisor's answered listening: the call and their own leg. */
    private record Listening(CallId call, CallId ear) {
    }

    private static void speakInto(CallId call, MediaLeg monitored, CallId supervisor, MediaLeg ear,
                                  ListeningMode mode) {
        if (ear.speakInto(monitored, mode)) {
            LOG.info("Supervisor's leg {} on call {}: {}", supervisor.value(), call.value(), mode);
        } else {
            LOG.info("Supervisor's leg {} cannot {} on call {}: no agent is on it", supervisor.value(), mode,
                    call.value());
        }
    }

    /** Agents answer on their registered phones: a manual or preview call is put through to them as well. */
    @Override
    public boolean agentsHaveTheirOwnPhones() {
        return true;
    }

    @Override
    public void bridge(CallId customerLeg, CallId agentLeg) {
        Optional<MediaLeg> customer = leg(customerLeg).flatMap(Leg::media);
        Optional<MediaLeg> agent = leg(agentLeg).flatMap(Leg::media);
        if (customer.isPresent() && agent.isPresent()) {
            customer.get().bridge(agent.get());
            // an agent's line outlives its calls: what its Hold button does is told of the call it is bridged to now
            agent.get().onFarEndHolds(held -> phoneActions.customerHeld(customerLeg, held));
            customer.get().onFarEndHolds(holds -> phoneActions.customersPhoneHolds(customerLeg, holds));
        } else {
            LOG.info("Bridge of {} and {} skipped: a leg is not answered or has ended", customerLeg.value(), agentLeg.value());
        }
    }

    @Override
    public void holdMusic(CallId leg, Prompt music) {
        leg(leg).ifPresent(answered -> answered.holdMusic(music));
    }

    @Override
    public void hold(CallId call, boolean onHold) {
        leg(call).flatMap(Leg::media).ifPresent(media -> media.hold(onHold));
    }

    @Override
    public void play(CallId call, Prompt prompt) {
        leg(call).ifPresent(leg -> leg.play(prompt, false));
    }

    @Override
    public void playLooped(CallId call, Prompt prompt) {
        leg(call).ifPresent(leg -> leg.play(prompt, true));
    }

    @Override
    public void stopPlaying(CallId call) {
        leg(call).ifPresent(Leg::stopPlaying);
    }

    @Override
    public void collectDigits(CallId call, int maxDigits, Duration timeout) {
        leg(call).ifPresent(leg -> leg.collectDigits(maxDigits, timeout));
    }

    /**
     * How the audio of {@code call}, a customer's leg that is up, has reached Outdial so far: the customer's and, while
     * bridged, their agent's (the live view of what {@link CallQualities} is told as it ends); empty where it is not up
     * or nothing came yet.
     */
    public Optional<CallQuality> qualityNow(CallId call) {
        return leg(call).flatMap(Leg::media).flatMap(media -> media.stats().quality());
    }

    @Override
    public void hangUp(CallId call) {
        Optional.ofNullable(phoneRings.remove(call)).ifPresent(ring -> ring.endedByTheEngine = true);
        leg(call).ifPresent(Leg::hangUp);
    }

    @Override
    public void hangUpAfterPrompts(CallId call) {
        leg(call).ifPresent(Leg::hangUpAfterPrompts);
    }

    /**
     * Plays the message once the machine's greeting is over, so its recording holds all of it, then hangs up; should
     * the media never tell, the message plays after {@link #GREETING_AT_MOST} all the same.
     */
    @Override
    public void leaveMessage(CallId call, Prompt message) {
        Optional<MediaLeg> media = leg(call).flatMap(Leg::media);
        if (media.isEmpty()) {
            hangUp(call);
            return;
        }
        AtomicBoolean left = new AtomicBoolean();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                play(call, message);
                hangUpAfterPrompts(call);
            }
        };
        media.get().afterGreeting(leave);
        running().timers().schedule(leave, GREETING_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Records the leg's both sides into the spool until the leg ends, then hands the WAV to the store; a recording that
     * cannot be made (the spool unwritable) is logged and the call goes on unrecorded.
     */
    @Override
    public void record(CallId call) {
        Optional<CallRecordings> where = recordings;
        Optional<MediaLeg> media = leg(call).flatMap(Leg::media);
        if (where.isEmpty() || media.isEmpty()) {
            return;
        }
        try {
            media.get().record(new CallRecording(where.get().spool(), call.value(), System.nanoTime(),
                    finished -> keep(call, finished, where.get())));
        } catch (RuntimeException e) {
            LOG.warn("Call {} is not recorded: {}", call.value(), e.getMessage());
        }
    }

    @Override
    public void pauseRecording(CallId call, boolean paused) {
        leg(call).flatMap(Leg::media).ifPresent(media -> media.pauseRecording(paused));
    }

    /** The finished WAV goes through a file of the spool, so no recording is ever held in memory whole. */
    private static void keep(CallId call, CallRecording finished, CallRecordings where) {
        Path wav = null;
        try {
            wav = Files.createTempFile(where.spool(), "call-", ".wav");
            Duration length = finished.finish(wav);
            if (!length.isZero()) { // a leg that ended as it was answered has nothing to keep
                where.store().keep(call, wav, length);
            }
        } catch (IOException | RuntimeException e) {
            finished.close();
            LOG.warn("The recording of call {} is lost", call.value(), e);
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException e) {
                    LOG.debug("Removing {}", wav, e);
                }
            }
        }
    }

    /** The leg, if the adapter runs and the leg has not ended: acting on an ended leg is harmless. */
    private Optional<Leg> leg(CallId call) {
        SipCalls running = calls;
        return running == null ? Optional.empty() : running.leg(call);
    }

    private SipCalls running() {
        SipCalls running = calls;
        if (running == null) {
            throw new IllegalStateException("The SIP adapter is not started, or closed");
        }
        return running;
    }

    /** Ends every call (BYE or CANCEL), stops the SIP stack and frees the RTP ports. */
    @Override
    public synchronized void close() {
        if (endpoint == null) {
            return;
        }
        SipCalls closing = calls;
        calls = null;
        keepAlive.close();
        registration.ifPresent(TrunkRegistration::close);
        closing.open().forEach(Leg::hangUp);
        closing.awaitEnded(CLOSING_PATIENCE);
        timers.shutdownNow();
        carrierDns.ifPresent(ExecutorService::shutdownNow);
        carrierDns = Optional.empty();
        certificateChecks.ifPresent(ExecutorService::shutdownNow);
        certificateChecks = Optional.empty();
        converter.shutdownNow();
        offers.shutdownNow();
        endpoint.close();
        media.close();
        events.close();
        endpoint = null;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
