package dev.outdial.business;

/** Published when a business's settings change (e.g. its contract's concurrent-call limit), so running dialers follow. */
public record BusinessChanged(long businessId) {
}
