package dev.outdial.customer;

import java.util.Map;

/**
 * A campaign's progress (SPEC §6): its customers by status, and in the four buckets of the
 * chart's outer ring, each split as the inner ring is.
 */
public record Progress(long total, Map<String, Long> byStatus, Map<String, Bucket> buckets) {

    /**
     * One bucket: reached customers by the agent's classification (by name), the others by their
     * last technical result ({@link CountKey#NOT_CALLED} for those never called).
     */
    public record Bucket(long total, Map<String, Long> byClassification, Map<String, Long> byResult) {
    }

    /** The outer ring, in the order the chart draws it. */
    public enum Kind {
        HANDLED,
        MAX_CALLS,
        FILTERED,
        NOT_HANDLED;

        /** SPEC §6's buckets; a retried ERROR is still to be handled, a final one is not. */
        public static Kind of(String countedStatus) {
            return switch (countedStatus) {
                case "SUCCESS", "DO_NOT_CALL_BACK", "ERROR" -> HANDLED;
                case "MAX_ATTEMPTS" -> MAX_CALLS;
                case "BLOCKED", "DNC", "PAUSED" -> FILTERED;
                case "NEW", "IN_PROGRESS", "RETRY", "CALLBACK", CountKey.ERROR_RETRY -> NOT_HANDLED;
                default -> throw new IllegalArgumentException("no bucket for status " + countedStatus);
            };
        }

        /** The name the API and the page use. */
        public String key() {
            return switch (this) {
                case HANDLED -> "handled";
                case MAX_CALLS -> "maxCalls";
                case FILTERED -> "filtered";
                case NOT_HANDLED -> "notHandled";
            };
        }
    }
}
