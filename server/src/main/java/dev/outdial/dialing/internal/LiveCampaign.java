package dev.outdial.dialing.internal;

import dev.outdial.engine.call.CampaignSettings;

/**
 * A campaign as this node runs it, read once when it starts: the engine's settings, what the
 * registries beside the engine keep for it, and its business's contract limit at that moment.
 *
 * @param settings              what the engine dials by
 * @param assignsAccountManager whether the agent who receives a customer becomes its account manager (SPEC §4.1)
 * @param ticketPerCall         "ticket per call: when on, each call creates a ticket like a regular outgoing call" (SPEC §5)
 * @param ticketsAgentOrVoicemail an autocall campaign that tickets a call meeting an agent or voicemail
 * @param concurrentCallLimit   the business's contract limit on concurrent calls
 */
record LiveCampaign(CampaignSettings settings, boolean assignsAccountManager, boolean ticketPerCall,
                    boolean ticketsAgentOrVoicemail, int concurrentCallLimit) {

    long id() {
        return settings.campaignId();
    }
}
