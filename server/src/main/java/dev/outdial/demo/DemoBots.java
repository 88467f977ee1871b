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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The demo's simulated agents: issue 5's "bots that answer, talk, classify" on the progressive
 * campaign, "so a newcomer sees it dial at once", and a team of their own on the predictive one, so
 * it dials ahead of them from the start. Each is an agent of the business, so calls and
 * reports name them, with a random password nobody is told: nobody can sign in as one. They take
 * their seats once the dialer runs the campaigns, at every start.
 */
@Component
@Profile("demo")
class DemoBots {

    /** Bots 1–3 work the progressive campaign, 4–8 the predictive one. */
    static final int COUNT = 3;
    static final int PREDICTIVE_COUNT = 5;
    private static final Logger log = LoggerFactory.getLogger(DemoBots.class);

    private final Businesses businesses;
    private final UserAccounts users;
    private final Campaigns campaigns;
    private final CallClassifications classifications;
    private final SimulatedAgentSeats seats;
    private final Set<Seat> unseated = ConcurrentHashMap.newKeySet();

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

    /** The progressive campaign's bots' user ids, made where missing. */
    List<Long> users(long businessId) {
        return users(businessId, 1, COUNT);
    }

    /** The predictive campaign's bots' user ids, made where missing. */
    List<Long> predictiveUsers(long businessId) {
        return users(businessId, COUNT + 1, COUNT + PREDICTIVE_COUNT);
    }

    private List<Long> users(long businessId, int first, int last) {
        Set<String> existing = users.list(businessId, Role.AGENT).stream().map(UserAccount::email)
                .collect(Collectors.toSet());
        IntStream.rangeClosed(first, last).filter(n -> !existing.contains(email(n))).forEach(n -> users.create(businessId,
                new UserDraft(email(n), "Bot " + n + " (simulated agent)", unknowablePassword(), Role.AGENT, true)));
        Set<String> these = IntStream.rangeClosed(first, last).mapToObj(DemoBots::email).collect(Collectors.toSet());
        return users.list(businessId, Role.AGENT).stream().filter(user -> these.contains(user.email()))
                .map(UserAccount::id).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void takeSeats() {
        if (!seats.available()) {
            log.warn("The demo's bots answer on the simulated carrier: none is seated with outdial.telephony.mode=sip");
            return;
        }
        Business business = businesses.findByName(DemoBusiness.NAME).orElseThrow();
        long reached = classifications.list(business.id()).stream().filter(CallClassification::reached)
                .map(CallClassification::id).findFirst().orElseThrow();
        AgentBehaviour behaviour = AgentBehaviour.typical().classifying(AgentBehaviour.done(String.valueOf(reached)));
        seat(business.id(), DemoCampaigns.PROGRESSIVE, users(business.id()), behaviour);
        // Predictive agents sit on an open line: a waiting customer is put through at once.
        seat(business.id(), DemoCampaigns.PREDICTIVE, predictiveUsers(business.id()), behaviour.answeringAtOnce());
    }

    private void seat(long businessId, String campaignName, List<Long> bots, AgentBehaviour behaviour) {
        campaigns.list(businessId, campaignName, CampaignStatus.RUNNING, null).stream()
                .filter(campaign -> campaign.name().equals(campaignName))
                .forEach(campaign -> bots.forEach(bot -> {
                    Seat seat = new Seat(businessId, campaign.id(), bot, behaviour);
                    if (!seat.take(seats)) {
                        log.info("Bot {} found campaign {} not running here yet: it sits down once this node paces it",
                                bot, campaign.id());
                        unseated.add(seat);
                    }
                }));
    }

    /**
     * A node started again within its pacer lease (or beside the node pacing the demo) does not run
     * the campaigns yet: its bots sit down as soon as it does, rather than never (issue 14).
     */
    @Scheduled(fixedDelayString = "${outdial.dialing.pacer-heartbeat:PT5S}")
    void seatTheRest() {
        unseated.removeIf(seat -> seat.take(seats));
    }

    /** A bot's seat in a campaign, taken once the campaign runs on this node. */
    private record Seat(long businessId, long campaignId, long bot, AgentBehaviour behaviour) {

        boolean take(SimulatedAgentSeats seats) {
            return seats.seat(businessId, campaignId, bot, behaviour);
        }
    }

    private static Set<String> emails() {
        return IntStream.rangeClosed(1, COUNT + PREDICTIVE_COUNT).mapToObj(DemoBots::email).collect(Collectors.toSet());
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
