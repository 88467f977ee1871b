package dev.outdial.business;

/** What the operator types to create or change a business; {@code null} keeps a value on a change. */
public record BusinessDraft(String name, String timeZone, String defaultCountry, Integer concurrentCallLimit) {
}
