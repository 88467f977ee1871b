package dev.outdial.compliance;

import dev.outdial.tabular.RowRejection;
import java.util.List;

/**
 * What an import of numbers did: numbers added, numbers that were already on the list (or twice in
 * the file), and the rows left out with their reason. Only the first {@link #MAX_DETAILED}
 * rejections are detailed; {@code rejectedCount} counts them all.
 */
public record ImportReport(int added, int alreadyListed, int rejectedCount, List<RowRejection> rejected) {

    public static final int MAX_DETAILED = 1_000;

    public ImportReport {
        rejected = List.copyOf(rejected);
    }
}
