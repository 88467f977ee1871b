package dev.outdial.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One add of customers to a campaign and its report (SPEC §4.3: "each add is one job with a
 * report"). A file import runs in the background: while RUNNING, {@code total} counts the rows
 * read so far; a FAILED import added nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJob(long id, long campaignId, Source source, String fileName, Status status, int total,
                        int added, int duplicates, int rejectedCount, List<AddReport.Rejection> rejected,
                        String failure, Instant createdAt, Instant finishedAt) {

    public enum Source {
        API, CONTACTS, GROUP, FILTER, FILE
    }

    public enum Status {
        RUNNING, DONE, FAILED
    }

    public AddReport report() {
        return new AddReport(total, added, duplicates, rejectedCount, rejected);
    }
}
