package dev.outdial.inbound;

/** Where a call to one of the platform's numbers goes: the business that owns the number and its queue. */
public record QueueRoute(long businessId, long queueId) {
}
