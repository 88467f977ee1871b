package dev.outdial.dialing;

import dev.outdial.dialing.internal.EngineThread;
import dev.outdial.dialing.internal.SipAdapter;
import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.Telephony;
import dev.outdial.engine.sim.CarrierModel;
import dev.outdial.engine.sim.CarrierOutcome;
import dev.outdial.engine.sim.NumberRules;
import dev.outdial.engine.sim.SimulatedCarrier;
import dev.outdial.ivr.SpokenPrompts;
import dev.outdial.sip.AgentLines;
import dev.outdial.sip.CallQualities;
import dev.outdial.sip.CallQuality;
import dev.outdial.sip.IncomingCalls;
import dev.outdial.sip.PhoneActions;
import dev.outdial.sip.PhoneBook;
import dev.outdial.sip.PhoneRegistrations;
import dev.outdial.sip.PromptSource;
import dev.outdial.sip.SipSettings;
import dev.outdial.sip.TlsCertificateStatus;
import dev.outdial.sip.TrunkRegistrationStatus;
import dev.outdial.sip.TrunkAnswers;
import dev.outdial.sip.TrunkStatus;
import dev.outdial.sip.ListeningChange;
import dev.outdial.sip.ListeningMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The SIP adapter as the server sees it, without a network: the test registers agents' phones,
 * sees which lines are nailed up and hangs them up, the way a softphone would. Its calls go to a
 * simulated carrier. Also keeps what the server handed the real adapter (settings, phone book).
 */
final class FakeSipAdapter implements SipAdapter {

    /** A number ending so always answers (after the typical ring), for a test that needs its customer put through. */
    static final String ANSWERS = "4777";

    /** Replaces the real adapter in a sip-mode test's context. */
    @TestConfiguration
    static class Config {

        @Bean
        FakeSipAdapter fakeSipAdapter(EngineThread engine) {
            return new FakeSipAdapter(new SimulatedCarrier(engine, CarrierModel.typical().withRules(
                    new NumberRules(Map.of(ANSWERS, CarrierOutcome.ANSWER))), new Random(), "fake-sip"));
        }

        @Bean
        SipAdapter.Factory fakeSipAdapters(FakeSipAdapter fake) {
            return (settings, phones, prompts) -> fake.handed(settings, phones, prompts);
        }

        /** Whether espeak-ng "is installed": the fixtures' IVRs speak, a test may take it away. */
        @Bean
        @Primary
        SpokenPrompts fakeSpeech(FakeSipAdapter fake) {
            return () -> fake.canSpeak;
        }
    }

    volatile IncomingCalls routing = IncomingCalls.NONE;
    volatile Optional<TrunkRegistrationStatus> registration = Optional.empty();
    volatile Optional<TlsCertificateStatus> certificate = Optional.empty();
    /** How each call's audio has reached Outdial so far, as a test sets it. */
    final Map<String, CallQuality> qualitiesNow = new ConcurrentHashMap<>();
    final Lines lines = new Lines();
    final Registrations registrations = new Registrations();
    private final Telephony telephony;
    volatile SipSettings settings;
    volatile PhoneBook phoneBook;
    volatile PromptSource prompts;
    volatile boolean started;
    volatile boolean canSpeak = true;

    FakeSipAdapter(Telephony telephony) {
        this.telephony = telephony;
    }

    private FakeSipAdapter handed(SipSettings settings, PhoneBook phones, PromptSource prompts) {
        this.settings = settings;
        this.phoneBook = phones;
        this.prompts = prompts;
        return this;
    }

    @Override
    public Telephony telephony() {
        return telephony;
    }

    @Override
    public PhoneRegistrations registrations() {
        return registrations;
    }

    @Override
    public AgentLines agentLines() {
        return lines;
    }

    /** Each call listened in on, with the supervisor whose phone was rung for it: "call by supervisor, MODE". */
    final List<String> listenedIn = new CopyOnWriteArrayList<>();

    @Override
    public CallId listenIn(CallId call, AgentId supervisor, ListeningMode mode, Duration answerTimeout,
                           Consumer<CallEvent> listener) {
        listenedIn.add(call.value() + " by " + supervisor.value() + ", " + mode);
        CallId leg = new CallId("listening-" + listenedIn.size());
        if (listeningsAnswer) {
            listenings.put(supervisor.value(), new Listening(call.value(), leg));
            listener.accept(new CallEvent.Answered(leg, false));
        }
        return leg;
    }

    /** The agent's phone picks up each call rung for them at once (a phone set to answer automatically). */
    void answersAtOnce(long userId) {
        SimulatedCarrier carrier = (SimulatedCarrier) telephony;
        carrier.connectPhone(agent(userId), carrier::answer);
    }

    /** {@code supervisor} hangs up the phone they listen in on, as the adapter tells it. */
    void listenerHangsUp(AgentId supervisor) {
        Listening up = listenings.remove(supervisor.value());
        phoneActions.listeningEnded(new CallId(up.call()), supervisor);
    }

    /** What {@link #listenedIn} holds of {@code call}: the other tests' calls left out. */
    List<String> listenedOn(String call) {
        return listenedIn.stream().filter(listening -> listening.startsWith(call + " by ")).toList();
    }

    /** Whether the listeners' phones answer, so that a listening asked again changes their mode instead. */
    volatile boolean listeningsAnswer;
    /** Each supervisor's answered listening, by their agent id. */
    private final Map<String, Listening> listenings = new ConcurrentHashMap<>();

    private record Listening(String call, CallId ear) {
    }

    @Override
    public Optional<ListeningChange> changeListening(CallId call, AgentId supervisor, ListeningMode mode) {
        Listening up = listenings.get(supervisor.value());
        if (up == null) {
            return Optional.empty();
        }
        String by = call.value() + " by " + supervisor.value();
        if (up.call().equals(call.value())) {
            listenedIn.add(by + ", now " + mode);
            return Optional.of(new ListeningChange(up.ear(), Optional.empty()));
        }
        listenedIn.add(by + ", moved from " + up.call() + ", " + mode);
        listenings.put(supervisor.value(), new Listening(call.value(), up.ear()));
        return Optional.of(new ListeningChange(up.ear(), Optional.of(new CallId(up.call()))));
    }

    @Override
    public TrunkStatus trunkStatus() {
        return new TrunkStatus(TrunkStatus.State.UP, Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                "SIP/2.0 200 OK");
    }

    @Override
    public Map<String, TrunkStatus> trunkStates() {
        return Map.of("primary", trunkStatus());
    }

    @Override
    public Optional<CallQuality> qualityNow(CallId call) {
        return Optional.ofNullable(qualitiesNow.get(call.value()));
    }

    @Override
    public Optional<TlsCertificateStatus> tlsCertificate() {
        return certificate;
    }

    @Override
    public Optional<TrunkRegistrationStatus> trunkRegistration() {
        return registration;
    }

    /** The fake's trunk brings no calls; {@code routing} is kept for a test to hand calls to. */
    @Override
    public void receiveCalls(IncomingCalls routing) {
        this.routing = routing;
    }

    @Override
    public void start() {
        started = true;
    }

    /** Where the server asked what the phones do of their own accord to be told: the tests tell it as phones would. */
    volatile PhoneActions phoneActions = PhoneActions.NONE;
    volatile CallQualities qualities = CallQualities.NONE;
    volatile TrunkAnswers trunkAnswers = TrunkAnswers.NONE;

    @Override
    public void tellOfCallQuality(CallQualities where) {
        qualities = where;
    }

    @Override
    public void tellOfTrunkAnswers(TrunkAnswers where) {
        trunkAnswers = where;
    }

    @Override
    public void tellOfPhoneActions(PhoneActions where) {
        phoneActions = where;
    }

    @Override
    public void close() {
        started = false;
    }

    static AgentId agent(long userId) {
        return AgentId.of(String.valueOf(userId));
    }

    /** Phones registering and unregistering, as the registrar would report them. */
    static final class Registrations implements PhoneRegistrations {

        private final Map<AgentId, Boolean> registered = new ConcurrentHashMap<>();
        private final List<BiConsumer<AgentId, Boolean>> listeners = new CopyOnWriteArrayList<>();

        void set(long userId, boolean isRegistered) {
            registered.put(agent(userId), isRegistered);
            listeners.forEach(listener -> listener.accept(agent(userId), isRegistered));
        }

        @Override
        public boolean isRegistered(AgentId agent) {
            return registered.getOrDefault(agent, false);
        }

        @Override
        public void onChange(BiConsumer<AgentId, Boolean> listener) {
            listeners.add(listener);
        }

        @Override
        public void forget(AgentId agent) {
            registered.put(agent, false);
        }
    }

    /**
     * Nailed-up lines that come up at once, or ring until {@link #pickUpPhone} while {@code phonesRing};
     * {@link #hangUpPhone} is the agent putting the phone down.
     */
    static final class Lines implements AgentLines {

        private final Map<AgentId, LineState> states = new ConcurrentHashMap<>();
        private final List<Listener> listeners = new CopyOnWriteArrayList<>();
        private final List<BiConsumer<AgentId, CallResult>> notTakenListeners = new CopyOnWriteArrayList<>();
        volatile boolean phonesRing;

        @Override
        public void nailUp(AgentId agent) {
            if (state(agent) == LineState.DOWN) {
                change(agent, phonesRing ? LineState.CALLING : LineState.UP);
            }
        }

        void pickUpPhone(long userId) {
            change(agent(userId), LineState.UP);
        }

        @Override
        public void release(AgentId agent) {
            change(agent, LineState.DOWN);
        }

        void hangUpPhone(long userId) {
            change(agent(userId), LineState.DOWN);
        }

        /** The agent's phone, ringing for their line, does not take it: {@code how} it answered. */
        void phoneDoesNotTakeTheLine(long userId, CallResult how) {
            change(agent(userId), LineState.DOWN, Optional.of(how));
        }

        /** The agent's phone, rung for a call apart from their line, does not take it: {@code how} it answered. */
        void phoneDoesNotTakeACall(long userId, CallResult how) {
            notTakenListeners.forEach(listener -> listener.accept(agent(userId), how));
        }

        @Override
        public LineState state(AgentId agent) {
            return states.getOrDefault(agent, LineState.DOWN);
        }

        @Override
        public void onChange(Listener listener) {
            listeners.add(listener);
        }

        @Override
        public void onCallNotTaken(BiConsumer<AgentId, CallResult> listener) {
            notTakenListeners.add(listener);
        }

        private void change(AgentId agent, LineState state) {
            change(agent, state, Optional.empty());
        }

        private void change(AgentId agent, LineState state, Optional<CallResult> notTaken) {
            if (states.put(agent, state) != state) {
                listeners.forEach(listener -> listener.changed(agent, state, notTaken));
            }
        }
    }
}
