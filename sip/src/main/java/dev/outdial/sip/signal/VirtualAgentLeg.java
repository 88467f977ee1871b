package dev.outdial.sip.signal;

import dev.outdial.engine.port.CallEvent;
import dev.outdial.engine.port.CallId;
import dev.outdial.sip.media.MediaLeg;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The agent's side of one call on their nailed-up line: answered the moment the engine rings it,
 * bridged through the line's media. Hanging it up only unbridges — the line stays up for the next
 * customer; the agent hanging up their phone (or the network losing it) ends it as the line ended.
 */
public final class VirtualAgentLeg implements Leg {

    private final CallId id;
    private final MediaLeg line;
    private final EventSink events;
    private final Consumer<CallEvent> listener;
    private final Consumer<VirtualAgentLeg> whenEnded;
    private boolean ended;

    VirtualAgentLeg(CallId id, MediaLeg line, EventSink events, Consumer<CallEvent> listener,
                    Consumer<VirtualAgentLeg> whenEnded) {
        this.id = id;
        this.line = line;
        this.events = events;
        this.listener = listener;
        this.whenEnded = whenEnded;
    }

    synchronized void answer() {
        events.emit(listener, new CallEvent.Answered(id, false));
    }

    @Override
    public CallId id() {
        return id;
    }

    @Override
    public synchronized Optional<MediaLeg> media() {
        return ended ? Optional.empty() : Optional.of(line);
    }

    @Override
    public void hangUp() {
        end(CallEvent.HungUp.Cause.PLATFORM);
        line.unbridge();
    }

    /** The line under the leg went down: the agent hung up their phone, the network lost it, or it was released. */
    void lineEnded(CallEvent.HungUp.Cause how) {
        end(how);
    }

    private void end(CallEvent.HungUp.Cause how) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            events.emit(listener, new CallEvent.HungUp(id, how));
        }
        whenEnded.accept(this);
    }

    /** The agent hears the customer, not prompts: nothing is played or collected on the agent's side. */
    @Override
    public Optional<LegAudio> audio() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "virtual agent leg " + id.value();
    }
}
