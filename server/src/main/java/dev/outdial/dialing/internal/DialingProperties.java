package dev.outdial.dialing.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code outdial.dialing.*}: how long a customer's phone rings before the call is NOANSWER, and
 * the lease on claimed customers — renewed every third of it while held, so a crashed node's
 * customers and calls come back within one lease after they lapse; and how long a running
 * campaign's list must stay exhausted before it pauses itself (customers added meanwhile, or a
 * call's last step still being saved, keep it running); and the pacer lease, by which one node
 * at a time runs a business's dialer (renewed every third of it). Autocall: how long a hotline
 * that failed is left out of the rotation ({@code hotline-skip}), and how long a customer who
 * chose to talk to an agent waits for a free one ({@code agent-wait}). An agent's presence counts
 * on a node only while that node saw it renewed within {@code presence-lease} (renewed every
 * {@code presence-heartbeat}, 5 s by default).
 */
@ConfigurationProperties("outdial.dialing")
public record DialingProperties(
        @DefaultValue("30s") Duration noAnswerTimeout,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("30s") Duration listExhaustedAfter,
        @DefaultValue("15s") Duration pacerLease,
        @DefaultValue("5m") Duration hotlineSkip,
        @DefaultValue("30s") Duration agentWait,
        @DefaultValue("15s") Duration presenceLease) {
}
