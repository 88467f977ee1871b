package dev.outdial.customer;

import java.util.List;

/**
 * What adding customers did: rows read, customers added, how many of them share a number with a
 * customer already in the campaign (they are added; the duplicate filter decides later), and the
 * rows refused with their reason. Only the first {@value #MAX_DETAILED} refusals are listed.
 */
public record AddReport(int total, int added, int duplicates, int rejectedCount, List<Rejection> rejected) {

    public static final int MAX_DETAILED = 1_000;

    public AddReport {
        rejected = List.copyOf(rejected);
    }

    public record Rejection(int row, String reason) {
    }
}
