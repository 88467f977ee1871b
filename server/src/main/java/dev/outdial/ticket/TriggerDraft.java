package dev.outdial.ticket;

import java.util.List;

/** A trigger as the admin sends it; {@code enabled} defaults to true, everything else is required. */
public record TriggerDraft(String name, Boolean enabled, Trigger.Match match, List<Trigger.Condition> conditions,
                           List<Trigger.Action> actions) {
}
