package dev.outdial.report;

/** How many calls the agents gave one classification. */
public record ClassificationCount(long id, String name, long calls) {
}
