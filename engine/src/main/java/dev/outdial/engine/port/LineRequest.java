package dev.outdial.engine.port;

/**
 * What the {@link CallLog} answers a call about to be placed ({@link CallLog#openLine}): the call
 * is recorded open and may be dialed, or the business has no line free, or this node may not start
 * calls for the business any more (another node paces it now: the lease it dials under is fenced).
 */
public sealed interface LineRequest {

    record Granted() implements LineRequest {
    }

    /** The business's open calls, across every node, already reach its contract limit. */
    record OverLimit(int openCalls) implements LineRequest {
    }

    record Fenced(String detail) implements LineRequest {
    }
}
