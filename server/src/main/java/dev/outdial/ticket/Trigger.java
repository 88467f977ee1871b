package dev.outdial.ticket;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An admin's rule: when a ticket event meets ALL (or ANY) of the conditions, the actions run. With
 * "ticket created" and "channel is CALLBACK" and "add customer to campaign X" it is how callback
 * requests reach an auto-callback campaign (the manual's Auto Callback set-up).
 */
public record Trigger(long id, String name, boolean enabled, Match match, List<Condition> conditions,
                      List<Action> actions, Instant createdAt, Instant updatedAt) {

    public Trigger {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }

    /** Whether the event meets ALL (or ANY) of the conditions. */
    public boolean matches(TicketEvent event) {
        return match == Match.ALL
                ? conditions.stream().allMatch(condition -> condition.holdsFor(event))
                : conditions.stream().anyMatch(condition -> condition.holdsFor(event));
    }

    public enum Match {
        ALL, ANY
    }

    /** {@code field} is IS or IS_NOT {@code value}: an event type, a channel or a status by name. */
    public record Condition(Field field, Operator operator, String value) {

        boolean holdsFor(TicketEvent event) {
            boolean is = field.of(event).equals(value);
            return operator == Operator.IS ? is : !is;
        }
    }

    /** What a condition looks at, and the values it may be compared with. */
    public enum Field {
        EVENT(TicketEvent.Type.values()),
        CHANNEL(TicketChannel.values()),
        STATUS(TicketStatus.values());

        private final List<String> values;

        Field(Enum<?>[] values) {
            this.values = Arrays.stream(values).map(Enum::name).toList();
        }

        public List<String> allowedValues() {
            return values;
        }

        String of(TicketEvent event) {
            return switch (this) {
                case EVENT -> event.type().name();
                case CHANNEL -> event.ticket().channel().name();
                case STATUS -> event.ticket().status().name();
            };
        }
    }

    public enum Operator {
        IS, IS_NOT
    }

    public record Action(ActionType type, Long campaignId) {
    }

    public enum ActionType {
        ADD_CUSTOMER_TO_CAMPAIGN
    }
}
