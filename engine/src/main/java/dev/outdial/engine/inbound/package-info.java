/**
 * Inbound queues for auto callback (SPEC §2, §5): the rules of a caller's wait — which key asks
 * for a callback and when it counts, what becomes a missed call, what leaves a ticket — and the
 * {@link dev.outdial.engine.inbound.Switchboard} that hands waiting callers to free agents after the
 * business's campaigns have had theirs ("auto callback calls have a higher priority than queued calls").
 */
package dev.outdial.engine.inbound;
