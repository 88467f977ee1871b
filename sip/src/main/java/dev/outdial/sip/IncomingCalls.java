package dev.outdial.sip;

/**
 * Where calls from the trunk go: the application decides, for each, which queue takes it. Called on a thread of the
 * adapter's own (never a SIP or media thread), one call at a time; it must end every call it is given with
 * {@link IncomingCall#accept} or {@link IncomingCall#refuse}, at once or later from any thread.
 */
@FunctionalInterface
public interface IncomingCalls {

    /** Takes no calls: every call from the trunk is refused (403), as before any routing is set. */
    IncomingCalls NONE = call -> call.refuse(IncomingCall.Refusal.NOT_TAKEN);

    void offered(IncomingCall call);
}
