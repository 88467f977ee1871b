package dev.outdial.engine.port;

import dev.outdial.engine.customer.AgentId;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Places and controls calls: the simulated carrier by default, a SIP trunk live (ARCHITECTURE §3).
 *
 * <p>Every method returns at once; what happens to a leg comes back as {@link CallEvent}s to the
 * listener given when it was placed, on the adapter's thread. The engine hands each event to its
 * {@link Scheduler} before acting on it, so an adapter may call the listener from any thread, even
 * from inside {@code place}.
 *
 * <p>Contract: every leg gets at most one {@link CallEvent.Answered} and exactly one terminal event,
 * {@link CallEvent.Failed} (never answered) or {@link CallEvent.HungUp} (answered, then ended),
 * also when the engine ends the leg itself with {@link #hangUp} ({@code byCalledParty} false).
 * Nothing follows the terminal event.
 */
public interface Telephony {

    /**
     * Dials {@code to} from the hotline {@code from} (both E.164) as the leg {@code call}, the name the
     * engine gave the call and its record before asking (issue 18: the record is inserted under it, so
     * it is never renamed); its events carry that name, whatever the adapter calls the leg inside (a
     * SIP Call-ID). The engine never reuses a name; a name already placed here is an error. Unanswered
     * after {@code ringTimeout} it fails as NOANSWER. With {@code detection} {@link MachineDetection#ON} the answer is
     * reported once the adapter knows whether a person or an answering machine picked up; an adapter that cannot
     * listen reports what its carrier says.
     */
    void place(CallId call, String from, String to, Duration ringTimeout, MachineDetection detection,
               Consumer<CallEvent> listener);

    /** Places the leg without listening for machines. */
    default void place(CallId call, String from, String to, Duration ringTimeout, Consumer<CallEvent> listener) {
        place(call, from, to, ringTimeout, MachineDetection.OFF, listener);
    }

    /**
     * Rings the agent's own phone (a softphone, the agent's page, a simulated agent) to connect an
     * answered customer to them: {@link CallEvent.Answered} when the agent picks up, NOANSWER after
     * {@code answerTimeout}, {@link CallEvent.HungUp} with {@code byCalledParty} when the agent hangs up.
     */
    CallId ringAgent(AgentId agent, Duration answerTimeout, Consumer<CallEvent> listener);

    /**
     * Whether agents work on phones of their own (a softphone registered with a SIP adapter), which must be rung and
     * bridged even for a call the agent placed themselves (manual, preview). Where the agent's page is their phone
     * (the simulated carrier) the agent who placed a call is on it already. By default false.
     */
    default boolean agentsHaveTheirOwnPhones() {
        return false;
    }

    /**
     * {@code agent} waits on the line for the customer's leg {@code call}, just placed: they placed it themselves
     * (manual, preview) or answered their own leg before it was dialed (auto callback). Where their phone is up already
     * (a nailed-up line, the leg auto callback rang), it hears the call's progress until the customer answers, as a
     * caller on any phone does: the network's ring-back and announcements, or a ring-back tone where the network sends
     * no audio. By default nothing, which is all an adapter without real media needs.
     */
    default void agentHearsRinging(CallId call, AgentId agent) {
    }

    /** Connects two answered legs, e.g. a customer and the agent who takes them. */
    void bridge(CallId customerLeg, CallId agentLeg);

    /**
     * What {@code leg} hears while the leg bridged to it is on hold (an agent pressed their phone's Hold): the
     * campaign's or the queue's waiting music. Without it, the adapter's own; nothing where legs carry no audio.
     */
    default void holdMusic(CallId leg, Prompt music) {
    }

    /** Plays a prompt on an answered leg (an IVR's prompt), after the prompts already playing on it. */
    void play(CallId call, Prompt prompt);

    /**
     * Plays a prompt over and over until the leg is bridged or hung up: waiting music, which a real
     * leg would otherwise fall silent after. By default played once, which is all an adapter without
     * real media needs.
     */
    default void playLooped(CallId call, Prompt prompt) {
        play(call, prompt);
    }

    /**
     * Stops what plays on the leg and what was queued after it (waiting music, when the caller is to hear something
     * else); what is played afterwards plays at once. By default nothing, which is all an adapter without real media
     * needs.
     */
    default void stopPlaying(CallId call) {
    }

    /** Collects up to {@code maxDigits} keys, reported as {@link CallEvent.DigitsCollected}. */
    void collectDigits(CallId call, int maxDigits, Duration timeout);

    /** Ends the leg, ringing or answered; hanging up a leg that has ended is harmless. */
    void hangUp(CallId call);

    /**
     * Ends the leg once the prompts played on it are over (an IVR's last words), where the adapter
     * knows when they are; by default at once, which is what an adapter without real media does.
     */
    default void hangUpAfterPrompts(CallId call) {
        hangUp(call);
    }

    /**
     * Leaves {@code message} on the answering machine that answered the leg, then ends the leg: played once the
     * machine's greeting is over (its beep, then silence) where the adapter can hear that, so that the recording
     * holds all of it; by default at once, which is what an adapter without real media does.
     */
    default void leaveMessage(CallId call, Prompt message) {
        play(call, message);
        hangUpAfterPrompts(call);
    }

    /**
     * Records the answered leg from now until it ends: what the party says and what they hear (the agent, the prompts),
     * kept under the leg's name where the adapter keeps recordings. By default nothing, which is all an adapter without
     * real media can do.
     */
    default void record(CallId call) {
    }

    /**
     * Pauses the recording of the leg (while the customer reads out a card number, say), or resumes it: what is
     * said and heard meanwhile is kept as silence, so the recording's time stays the call's. A leg not being
     * recorded is left as it is.
     */
    default void pauseRecording(CallId call, boolean paused) {
    }

    /**
     * Puts the answered leg {@code call} on hold ({@code true}): it hears its hold music ({@link #holdMusic}) and the
     * leg bridged to it (the agent) hears silence, nothing passing between them; or takes it off hold, the two put
     * through again. By default nothing, which is all an adapter without real media can do.
     */
    default void hold(CallId call, boolean onHold) {
    }

    /** What to play: an audio file or text to speak. */
    sealed interface Prompt {

        record AudioFile(String uri) implements Prompt {
            public AudioFile {
                Objects.requireNonNull(uri, "uri");
            }
        }

        record Speech(String text, String languageTag) implements Prompt {
            public Speech {
                Objects.requireNonNull(text, "text");
                Objects.requireNonNull(languageTag, "languageTag");
            }
        }
    }
}
