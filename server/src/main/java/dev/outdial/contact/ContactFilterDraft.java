package dev.outdial.contact;

import java.util.List;

/** A filter as typed; the name is needed to save it, not to preview it. */
public record ContactFilterDraft(String name, FilterMatch match, List<FilterCondition> conditions) {
}
