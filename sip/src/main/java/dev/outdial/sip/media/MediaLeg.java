package dev.outdial.sip.media;

import dev.outdial.sip.ListeningMode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The media of one call leg: a local RTP port, the far end learnt from SDP, and what the leg
 * hears — a prompt, or the other leg it is bridged to, or silence. Thread-safe.
 *
 * <p>Once connected, a leg sends a packet every 20 ms: the prompt that plays, or silence (µ-law
 * 0xFF, A-law 0xD5) when nothing does, so NAT bindings stay open and carriers that hang up calls
 * without RTP keep them; while bridged it sends only what it relays. Whatever it sends is one RTP
 * stream: one SSRC, sequence numbers and timestamps that carry on across prompts, silence and
 * relayed audio. It sends to where the far end's packets come from once the first one arrives
 * (symmetric RTP), and ignores packets from elsewhere after that.
 */
public interface MediaLeg extends AutoCloseable {

    /** The local RTP port offered in SDP. */
    int localPort();

    /**
     * Where to send, in which codec, and the payload type the far end uses for RFC 4733 events
     * (-1 when it offered none). Called again when a re-INVITE moves the media; the leg then
     * learns the far end's source address again from its next packet. Packets received before the
     * first call are counted and dropped.
     */
    void connect(InetSocketAddress remote, Codec codec, int telephoneEventPayloadType);

    /**
     * Where the far end takes RTCP, where its SDP says (RFC 3605's {@code a=rtcp}); empty: the port after its RTP's.
     * Given after each {@link #connect}. Once the far end's own RTCP comes, it goes where that came from.
     */
    void reportTo(Optional<InetSocketAddress> control);

    /**
     * Sends and takes SRTP with {@code keys} (ours to send with, the far end's to check and decrypt what it sends),
     * or plain RTP when empty: called before {@link #connect}, so nothing is ever sent in the clear to a far end that
     * asked for SRTP. A packet that is not the far end's (its tag does not match) is dropped.
     */
    void encrypt(Optional<SrtpKeys> keys);

    /**
     * Queues the clip after what plays now (an IVR's prompts play in a row, with no gap beyond the
     * rest of the last packet). A looped clip plays until {@link #stopPlaying}, so clips queued
     * after it never start. {@code whenOver} (may be null) runs once the clip's last packet has
     * been sent, on a thread of its own (never the media threads), in order with the leg's keys;
     * it does not run for a clip that {@link #stopPlaying}, {@link #bridge} or {@link #close}
     * cut short. A clip queued while the leg is bridged waits until {@link #unbridge}.
     */
    void play(AudioClip clip, boolean loop, Runnable whenOver);

    /** Stops what plays and empties the queue; the leg hears silence (or its bridge). */
    void stopPlaying();

    /**
     * Every key the far end presses goes to {@code keys} from now on (null stops it), once per
     * press: at the first of its RFC 4733 end packets, or, when those are lost, when the next
     * press starts or 400 ms after its last packet; from a far end that offered no RFC 4733 events,
     * as the tones it plays in its audio ({@link ToneKeys}). Keys are '0'-'9', '*', '#' and 'A'-'D';
     * they are reported while bridged too. Called on a thread of its own, in order.
     */
    void onKey(Consumer<Character> keys);

    /**
     * A key the far end signalled outside the media (a SIP INFO): reported to the {@link #onKey} listener as a key
     * heard in the media is, in order with them. Over a bridge the other leg's far end gets it from Outdial: as RFC
     * 4733 events where it takes them, else as the key's tones. A press the far end sent as RFC 4733 events too (some
     * phones send both) is heard once.
     */
    void keySignalled(char key);

    /**
     * Listens to what the far end says from now on and tells {@code whoAnswered}, once, whether a person or an
     * answering machine picked up ({@link GreetingAnalysis}): within {@link Answerer#TOLD_WITHIN} of the far end's
     * audio, on a thread of its own. Where the far end sends no packets it is heard as silent.
     */
    void listenForMachine(Consumer<Answerer> whoAnswered);

    /**
     * Listens to the far end's early media (the network's own audio while the call rings) and tells {@code announced},
     * once, should it play a tone that says the call cannot get through ({@link NetworkTones}): special information
     * tones ({@link Answerer#NOT_IN_SERVICE} or {@link Answerer#CONGESTION}), a busy tone ({@link Answerer#BUSY}) or a
     * congestion tone. It replaces what the leg listened for before.
     */
    void listenForNetworkTones(Consumer<Answerer> announced);

    /** Stops listening to the far end for what the leg listened for ({@link #listenForMachine}, …): nobody is told. */
    void listenForNothing();

    /**
     * Runs {@code whenOver} once, on a thread of its own, when the answering machine on the far end has finished its
     * greeting and records ({@link GreetingEnd}): when its beep ends, else after a second of silence (sent, or no
     * packets at all), or 30 s of its audio at the latest. It replaces what the leg listened for before.
     */
    void afterGreeting(Runnable whenOver);

    /**
     * Records from now on what the far end says and what it hears (the leg it is bridged to, or what is played to it)
     * into {@code recording}; {@link #close} stops it and hands it to its owner ({@link CallRecording}).
     */
    void record(CallRecording recording);

    /**
     * From now on this leg's far end (a supervisor's phone) hears what {@code monitored}'s far end says and what it
     * hears, mixed, and nothing else (silent monitoring: what it says goes nowhere); {@code whenOver} runs once, on a
     * thread of its own, when {@code monitored} closes. A leg listens in on one leg at a time: listening to another
     * ends the listening before, whose leg's close then runs nothing, and what it said there is heard by nobody.
     */
    void listenTo(MediaLeg monitored, Runnable whenOver);

    /**
     * From now on this leg's far end (an agent waiting on a call they placed) hears how {@code ringing} progresses, one
     * way, as a caller hears a call ring: {@code ringBack}, looped, until {@code ringing} is connected to its far end's
     * media (early media, or the answer), then what that far end sends, as it comes (the network's ring-back and
     * announcements, the customer's first words). It ends when either leg is bridged, this leg is played a prompt or
     * stopped, or {@code ringing} closes; this leg hears silence then. What its far end says meanwhile goes nowhere.
     */
    void hearRinging(MediaLeg ringing, AudioClip ringBack);

    /**
     * This leg's call failed while it rang (busy, congestion): whoever heard it ring ({@link #hearRinging}) hears
     * {@code tone} once in place of the ring, as a phone plays the network's busy tone, then silence.
     */
    void ringingEndsWith(AudioClip tone);

    /**
     * From now on what this leg's far end (a supervisor listening in on {@code monitored}) says is heard as
     * {@code mode} says, mixed with what each hearer heard before: by nobody, by the leg {@code monitored} is bridged
     * to (its agent), or by both {@code monitored} and that leg; until either leg closes or the mode changes again.
     * Whether it could: coaching needs {@code monitored} bridged, and a closed leg speaks into nothing.
     */
    boolean speakInto(MediaLeg monitored, ListeningMode mode);

    /**
     * The far end put the call on hold ({@code true}: its SDP takes no audio, sendonly, inactive or the address
     * 0.0.0.0) or took it off. While it holds nothing is sent to it, and the leg bridged to it hears its hold music
     * ({@link #holdMusic}) in place of what the holding side sends, from the start each time.
     */
    void farEndHolds(boolean holds);

    /**
     * Every change of whether the far end holds ({@link #farEndHolds}) goes to {@code told} from now on, in place of
     * where it went before (null stops it); told on the thread that read the far end's SDP, which must not wait.
     */
    void onFarEndHolds(Consumer<Boolean> told);

    /** What this leg's far end hears while the leg bridged to it holds; a soft tone every few seconds until set. */
    void holdMusic(AudioClip music);

    /**
     * Outdial puts this leg on hold ({@code true}: the agent pressed Hold on their page) or takes it off: while it is
     * held its far end hears its hold music, from the start each time, the leg bridged to it hears silence, and
     * nothing passes between them.
     */
    void hold(boolean onHold);

    /** Pauses ({@code true}) or resumes the recording the leg makes, if it makes one ({@link CallRecording#pause}). */
    void pauseRecording(boolean paused);

    /**
     * Relays this leg's audio and keys to {@code other} and back, each packet as it arrives,
     * each side hearing one continuous stream; both legs stop playing, and a bridge either had is
     * ended. Audio is transcoded when the legs use different codecs; keys are rewritten into the
     * other leg's telephone-event payload type, or dropped when it has none. {@code other} must be
     * an open leg of the same {@link MediaEngine}.
     */
    void bridge(MediaLeg other);

    /** Ends the leg's bridge, if any; both legs hear silence (or what is then played to them). */
    void unbridge();

    /** What the leg received and sent so far. */
    MediaStats stats();

    /**
     * Whether the far end has sent nothing for longer than {@code limit} (no packet since it was connected, or since its
     * last one) while it should: connected and not holding. A far end that went silent so long is taken for gone: its
     * network dropped the call without telling (no BYE), and nobody is on it any more.
     */
    boolean farEndSilentLongerThan(Duration limit);

    /** Ends any bridge and frees the port; nothing more is sent or received, callbacks not yet started are dropped. */
    @Override
    void close();
}
