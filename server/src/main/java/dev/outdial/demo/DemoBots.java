package dev.outdial.demo;

import dev.outdial.agent.UserAccount;
import dev.outdial.agent.UserAccounts;
import dev.outdial.agent.UserDraft;
import dev.outdial.business.Business;
import dev.outdial.business.Businesses;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.settings.CallClassification;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.dialing.SimulatedAgentSeats;
import dev.outdial.engine.sim.AgentBehaviour;
import dev.outdial.shared.Role;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's simulated agents: issue 5's "bots that answer, talk, classify" on the progressive
 * campaign, "so a newcomer sees it dial at once". Each is an agent of the business, so calls and
 * reports name them, with a random password nobody is told: nobody can sign in as one. They take
 * their seats once the dialer runs the campaigns, at every start.
 */
@Component
@Profile("demo")
class DemoBots {

    static final int COUNT = 3;
    private static final Logger log = LoggerFactory.getLogger(DemoBots.class);

    private final Businesses businesses;
    private final UserAccounts users;
    private final Campaigns campaigns;
    private final CallClassifications classifications;
    private final SimulatedAgentSeats seats;

    DemoBots(Businesses businesses, UserAccounts users, Campaigns campaigns, CallClassifications classifications,
             SimulatedAgentSeats seats) {
        this.businesses = businesses;
        this.users = users;
        this.campaigns = campaigns;
        this.classifications = classifications;
        this.seats = seats;
    }

    boolean isBot(UserAccount user) {
        return emails().contains(user.email());
    }

    /** The bots' user ids, made where missing. */
    List<Long> users(long businessId) {
        Set<String> existing = users.list(businessId, Role.AGENT).stream().map(UserAccount::email)
                .collect(Collectors.toSet());
        IntStream.rangeClosed(1, COUNT).filter(n -> !existing.contains(email(n))).forEach(n -> users.create(businessId,
                new UserDraft(email(n), "Bot " + n + " (simulated agent)", unknowablePassword(), Role.AGENT, true)));
        return users.list(businessId, Role.AGENT).stream().filter(this::isBot).map(UserAccount::id).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void takeSeats() {
        Business business = businesses.findByName(DemoBusiness.NAME).orElseThrow();
        long reached = classifications.list(business.id()).stream().filter(CallClassification::reached)
                .map(CallClassification::id).findFirst().orElseThrow();
        AgentBehaviour behaviour = AgentBehaviour.typical().classifying(AgentBehaviour.done(String.valueOf(reached)));
        campaigns.list(business.id(), DemoCampaigns.PROGRESSIVE, CampaignStatus.RUNNING, null).stream()
                .filter(campaign -> campaign.name().equals(DemoCampaigns.PROGRESSIVE))
                .forEach(campaign -> users(business.id()).forEach(bot -> {
                    if (!seats.seat(business.id(), campaign.id(), bot, behaviour)) {
                        log.warn("Bot {} found campaign {} not running here", bot, campaign.id());
                    }
                }));
    }

    private static Set<String> emails() {
        return IntStream.rangeClosed(1, COUNT).mapToObj(DemoBots::email).collect(Collectors.toSet());
    }

    private static String email(int n) {
        return "bot" + n + "@demo.outdial.dev";
    }

    private static String unknowablePassword() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().encodeToString(secret);
    }
}
