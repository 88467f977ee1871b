package dev.outdial.dialing.internal;

/** A call start of the business was fenced off: another node took its pacer lease over (issue 14). */
record PacerLeaseLost(long businessId) {
}
