package dev.outdial.business;

/**
 * Published inside the transaction that creates a business, so modules set up what every business
 * starts with (default call classifications, a default script) atomically with it.
 */
public record BusinessCreated(long businessId) {
}
