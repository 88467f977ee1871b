package dev.outdial.contact;

import java.time.Instant;
import java.util.List;

/** A saved query over the business's contacts ("advanced filter", SPEC §3). */
public record ContactFilter(long id, String name, FilterMatch match, List<FilterCondition> conditions,
                            Instant createdAt) {

    public ContactFilter {
        conditions = List.copyOf(conditions);
    }
}
