package dev.outdial.dialing.internal;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.Telephony;
import dev.outdial.sip.AgentLines;
import dev.outdial.sip.CallQualities;
import dev.outdial.sip.CallQuality;
import dev.outdial.sip.CallRecordings;
import dev.outdial.sip.IncomingCalls;
import dev.outdial.sip.PhoneActions;
import dev.outdial.sip.PhoneBook;
import dev.outdial.sip.PhoneRegistrations;
import dev.outdial.sip.PromptSource;
import dev.outdial.sip.SipSettings;
import dev.outdial.sip.SipTelephony;
import dev.outdial.sip.TlsCertificateStatus;
import dev.outdial.sip.TrunkRegistrationStatus;
import dev.outdial.sip.TrunkAnswers;
import dev.outdial.sip.TrunkStatus;
import dev.outdial.sip.ListeningChange;
import dev.outdial.sip.ListeningMode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the server uses of the SIP adapter in sip mode: the Telephony port, the registrar's view of
 * agents' phones, the agents' nailed-up lines, the trunk's health and registration, and the calls it brings in. An interface so the
 * application's rules around it (who may go Available, lines released on leaving) are tested
 * without a network; {@link #of(SipTelephony)} is the real one.
 */
public interface SipAdapter extends AutoCloseable {

    Telephony telephony();

    PhoneRegistrations registrations();

    AgentLines agentLines();

    TrunkStatus trunkStatus();

    /** How each of the carrier's trunks answered its last keep-alive, by role: {@code primary}, {@code backup}… */
    Map<String, TrunkStatus> trunkStates();

    /** Runs {@code follow} whenever the carrier's trunks change ({@link SipTelephony#whenTrunksChange}). */
    default void whenTrunksChange(Runnable follow) {
    }

    /** Whether this node is registered with the trunk; empty where it does not register. */
    Optional<TrunkRegistrationStatus> trunkRegistration();

    /** The certificate SIP over TLS shows, and a renewal of it not taken; empty without TLS. */
    default Optional<TlsCertificateStatus> tlsCertificate() {
        return Optional.empty();
    }

    /** Where the trunk's calls go; until this is called every one is refused. */
    void receiveCalls(IncomingCalls routing);

    /** Where the calls the engine asks to record go; until this is called none is recorded. */
    default void keepRecordings(CallRecordings where) {
    }

    /** Where what the phones do on calls of their own accord is told; until this is called, nowhere. */
    default void tellOfPhoneActions(PhoneActions where) {
    }

    /** Where the quality of each customer's call is told as it ends; until this is called, nowhere. */
    default void tellOfCallQuality(CallQualities where) {
    }

    /** Where what the trunks answered each call placed through them is told as it ends; until then, nowhere. */
    default void tellOfTrunkAnswers(TrunkAnswers where) {
    }

    /** How the audio of {@code call}, a customer's that is up, has reached Outdial so far; empty where it is not. */
    default Optional<CallQuality> qualityNow(CallId call) {
        return Optional.empty();
    }

    /**
     * Listening in: rings {@code supervisor}'s phone and lets them hear {@code call} once they answer, until it ends,
     * heard by whom {@code mode} says until their phone's keys change it ({@link SipTelephony#listenIn}); their leg.
     */
    CallId listenIn(CallId call, AgentId supervisor, ListeningMode mode, Duration answerTimeout,
                    Consumer<CallEvent> listener);

    /**
     * Where {@code supervisor} listens in on {@code call} already, heard by whom {@code mode} says from now on
     * ({@link SipTelephony#changeListening}), moved to it from another call where they listen in on that; empty where
     * they listen in on nothing.
     */
    Optional<ListeningChange> changeListening(CallId call, AgentId supervisor, ListeningMode mode);

    /** Binds the SIP and RTP ports; an exception names the setting that prevents it. */
    void start();

    @Override
    void close();

    /** Makes the adapter from the validated settings; a bean of this type replaces the real adapter (tests). */
    @FunctionalInterface
    interface Factory {
        SipAdapter open(SipSettings settings, PhoneBook phones, PromptSource prompts);
    }

    static SipAdapter of(SipTelephony sip) {
        return new SipAdapter() {
            @Override
            public Telephony telephony() {
                return sip;
            }

            @Override
            public PhoneRegistrations registrations() {
                return sip.registrations();
            }

            @Override
            public AgentLines agentLines() {
                return sip.agentLines();
            }

            @Override
            public TrunkStatus trunkStatus() {
                return sip.trunkStatus();
            }

            @Override
            public Map<String, TrunkStatus> trunkStates() {
                return sip.trunkStates();
            }

            @Override
            public void whenTrunksChange(Runnable follow) {
                sip.whenTrunksChange(follow);
            }

            @Override
            public CallId listenIn(CallId call, AgentId supervisor, ListeningMode mode, Duration answerTimeout,
                                   Consumer<CallEvent> listener) {
                return sip.listenIn(call, supervisor, mode, answerTimeout, listener);
            }

            @Override
            public Optional<ListeningChange> changeListening(CallId call, AgentId supervisor, ListeningMode mode) {
                return sip.changeListening(call, supervisor, mode);
            }

            @Override
            public Optional<TrunkRegistrationStatus> trunkRegistration() {
                return sip.trunkRegistration();
            }

            @Override
            public Optional<TlsCertificateStatus> tlsCertificate() {
                return sip.tlsCertificate();
            }

            @Override
            public Optional<CallQuality> qualityNow(CallId call) {
                return sip.qualityNow(call);
            }

            @Override
            public void receiveCalls(IncomingCalls routing) {
                sip.receiveCalls(routing);
            }

            @Override
            public void keepRecordings(CallRecordings where) {
                sip.keepRecordings(where);
            }

            @Override
            public void tellOfPhoneActions(PhoneActions where) {
                sip.tellOfPhoneActions(where);
            }

            @Override
            public void tellOfTrunkAnswers(TrunkAnswers where) {
                sip.tellOfTrunkAnswers(where);
            }

            @Override
            public void tellOfCallQuality(CallQualities where) {
                sip.tellOfCallQuality(where);
            }

            @Override
            public void start() {
                sip.start();
            }

            @Override
            public void close() {
                sip.close();
            }
        };
    }
}
