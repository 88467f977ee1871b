package dev.outdial.dialing.internal;

import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.inbound.Switchboard;
import dev.outdial.engine.pacing.BusinessDialer;
import dev.outdial.engine.port.Telephony;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each business's inbound {@link Switchboard} on this node, sharing the agents' desk with the
 * business's dialer and served after its campaigns in every pacing round, so "auto callback calls
 * have a higher priority than queued calls". Each on its business's lane of the engine only.
 */
@Component
public class LiveSwitchboards {

    private final EngineThread engine;
    private final LiveDialers dialers;
    private final Telephony telephony;
    private final QueueMembers members;
    private final LiveInboundCallLog log;
    private final Map<Long, Switchboard> boards = new ConcurrentHashMap<>();

    LiveSwitchboards(EngineThread engine, LiveDialers dialers, Telephony telephony, QueueMembers members,
                     LiveInboundCallLog log) {
        this.engine = engine;
        this.dialers = dialers;
        this.telephony = telephony;
        this.members = members;
        this.log = log;
    }

    /** The business's switchboard; on its lane of the engine. */
    public Switchboard of(long businessId) {
        return boards.computeIfAbsent(businessId, id -> {
            BusinessDialer dialer = dialers.dialerFor(id);
            // Queues have no answer timeout of their own: the campaigns' default.
            Switchboard board = new Switchboard(id, engine.lane(id), telephony, dialer.desk(), members.of(id), log,
                    CampaignSettings.DEFAULT_AGENT_ANSWER_TIMEOUT, dialer::wake);
            dialer.afterCampaigns(board::serve);
            return board;
        });
    }
}
