package dev.outdial.dialing;

import dev.outdial.dialing.internal.AgentReceiptRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers agents received (SPEC §5), as the daily quota counts them: what reports read of
 * agents' sessions.
 */
@Service
public class AgentReceipts {

    /** Customers an agent received from one campaign, and on how many days. */
    public record Received(long agentId, long campaignId, long customers, long days) {
    }

    private final AgentReceiptRepository receipts;

    AgentReceipts(AgentReceiptRepository receipts) {
        this.receipts = receipts;
    }

    /**
     * Customers each agent received per campaign of {@code campaignIds} (the caller's business's)
     * from {@code start} to {@code end}, and the days they came on: dates of {@code zone}, the
     * business's, whose offset may change within the period.
     */
    @Transactional(readOnly = true)
    public List<Received> received(Collection<Long> campaignIds, Instant start, Instant end, ZoneId zone) {
        return receipts.received(campaignIds, start, end, zone);
    }
}
