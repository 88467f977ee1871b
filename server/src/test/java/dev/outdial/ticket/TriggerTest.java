package dev.outdial.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a trigger's conditions meet an event, without the application around it. */
class TriggerTest {

    private static final Trigger.Condition CREATED =
            new Trigger.Condition(Trigger.Field.EVENT, Trigger.Operator.IS, "TICKET_CREATED");
    private static final Trigger.Condition CALLBACK =
            new Trigger.Condition(Trigger.Field.CHANNEL, Trigger.Operator.IS, "CALLBACK");
    private static final Trigger.Condition NOT_CLOSED =
            new Trigger.Condition(Trigger.Field.STATUS, Trigger.Operator.IS_NOT, "CLOSED");

    private static Trigger trigger(Trigger.Match match, Trigger.Condition... conditions) {
        return new Trigger(1, "t", true, match, List.of(conditions),
                List.of(new Trigger.Action(Trigger.ActionType.ADD_CUSTOMER_TO_CAMPAIGN, 7L)), null, null);
    }

    private static TicketEvent event(TicketEvent.Type type, TicketChannel channel, TicketStatus status) {
        Ticket ticket = new Ticket(1, channel, status, null, "+84912345678", null, null, null, null, Instant.EPOCH,
                Instant.EPOCH);
        return new TicketEvent(1, type, ticket);
    }

    @Test
    void allNeedsEveryConditionAnyNeedsOne() {
        TicketEvent missedCall = event(TicketEvent.Type.TICKET_CREATED, TicketChannel.MISSED_CALL, TicketStatus.OPEN);

        assertThat(trigger(Trigger.Match.ALL, CREATED, CALLBACK).matches(missedCall)).isFalse();
        assertThat(trigger(Trigger.Match.ANY, CREATED, CALLBACK).matches(missedCall)).isTrue();
        assertThat(trigger(Trigger.Match.ALL, CREATED, CALLBACK).matches(
                event(TicketEvent.Type.TICKET_CREATED, TicketChannel.CALLBACK, TicketStatus.OPEN))).isTrue();
    }

    @Test
    void isNotHoldsForEveryOtherValue() {
        assertThat(trigger(Trigger.Match.ALL, NOT_CLOSED).matches(
                event(TicketEvent.Type.TICKET_STATUS_CHANGED, TicketChannel.EMAIL, TicketStatus.PENDING))).isTrue();
        assertThat(trigger(Trigger.Match.ALL, NOT_CLOSED).matches(
                event(TicketEvent.Type.TICKET_STATUS_CHANGED, TicketChannel.EMAIL, TicketStatus.CLOSED))).isFalse();
    }
}
