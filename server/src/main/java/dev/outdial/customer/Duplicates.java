package dev.outdial.customer;

import dev.outdial.campaign.Campaigns;
import dev.outdial.customer.internal.DuplicateRepository;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.Violations;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers of a campaign who share a normalised number (SPEC §4.3): listed by number; the admin
 * keeps one per number, keeps them all, or lets the system keep one at random. A customer who has
 * already been called is never removed: dedupe keeps the one with history.
 */
@Service
public class Duplicates {

    /** Numbers shown per page of the duplicate list. */
    public static final int GROUPS_PER_PAGE = 100;

    private final Campaigns campaigns;
    private final CampaignCustomers customers;
    private final DuplicateRepository duplicates;

    Duplicates(Campaigns campaigns, CampaignCustomers customers, DuplicateRepository duplicates) {
        this.campaigns = campaigns;
        this.customers = customers;
        this.duplicates = duplicates;
    }

    public enum Mode {
        KEEP_ONE, KEEP_ALL, AUTO
    }

    /** One number and the customers who have it, oldest first. */
    public record Group(String phone, List<Member> customers) {
    }

    public record Member(long id, String name, @Schema(implementation = CustomerStatus.class) String status,
                         int totalAttempts, Instant addedAt) {

        public boolean wasCalled() {
            return totalAttempts > 0;
        }
    }

    public record Page(List<Group> groups, String nextCursor) {
    }

    public record Resolution(int groups, int removed, int kept) {
    }

    @Transactional(readOnly = true)
    public Page list(long businessId, long campaignId, String afterPhone) {
        campaigns.get(businessId, campaignId);
        List<String> phones = duplicates.duplicatedPhones(campaignId, afterPhone, GROUPS_PER_PAGE + 1);
        boolean more = phones.size() > GROUPS_PER_PAGE;
        List<String> shown = more ? phones.subList(0, GROUPS_PER_PAGE) : phones;
        return new Page(groupsOf(campaignId, shown), more ? shown.getLast() : null);
    }

    /**
     * Resolves duplicates: KEEP_ONE keeps, for each number of the customers named in {@code keep},
     * that customer (and any already called); AUTO does so for every number with a customer
     * picked at random; KEEP_ALL removes nothing.
     */
    @Transactional
    public Resolution resolve(long businessId, long campaignId, Mode mode, Collection<Long> keep,
                              RandomGenerator random) {
        customers.requireOpen(businessId, campaignId);
        if (mode == null) {
            throw new InvalidInputException("mode", "validation.required");
        }
        return switch (mode) {
            case KEEP_ALL -> new Resolution(0, 0, 0);
            case KEEP_ONE -> keepChosen(campaignId, keep);
            case AUTO -> keepRandom(campaignId, random);
        };
    }

    private Resolution keepChosen(long campaignId, Collection<Long> keep) {
        Violations violations = new Violations();
        violations.check(keep != null && !keep.isEmpty(), "keep", "validation.required");
        violations.throwIfAny();
        Map<Long, String> phoneOf = duplicates.phonesOf(campaignId, keep);
        Set<Long> unknown = new HashSet<>(keep);
        unknown.removeAll(phoneOf.keySet());
        violations.check(unknown.isEmpty(), "keep", "duplicates.keep.unknown", unknown.toString());
        Map<String, Long> chosen = new HashMap<>();
        phoneOf.forEach((id, phone) -> {
            Long earlier = chosen.put(phone, id);
            violations.check(earlier == null, "keep", "duplicates.keep.twice", phone);
        });
        violations.throwIfAny();
        return remove(campaignId, groupsOf(campaignId, List.copyOf(chosen.keySet())),
                group -> chosen.get(group.phone()));
    }

    private Resolution keepRandom(long campaignId, RandomGenerator random) {
        List<Group> groups = new ArrayList<>();
        String after = null;
        List<String> phones;
        do {
            phones = duplicates.duplicatedPhones(campaignId, after, 1_000);
            groups.addAll(groupsOf(campaignId, phones));
            after = phones.isEmpty() ? null : phones.getLast();
        } while (phones.size() == 1_000);
        return remove(campaignId, groups,
                group -> group.customers().get(random.nextInt(group.customers().size())).id());
    }

    private Resolution remove(long campaignId, List<Group> groups, java.util.function.Function<Group, Long> keeper) {
        List<Long> removed = new ArrayList<>();
        int kept = 0;
        for (Group group : groups) {
            long keeperId = keeper.apply(group);
            for (Member member : group.customers()) {
                if (member.id() == keeperId || member.wasCalled()) {
                    kept++;
                } else {
                    removed.add(member.id());
                }
            }
        }
        duplicates.deleteUncalled(campaignId, removed);
        return new Resolution(groups.size(), removed.size(), kept);
    }

    private List<Group> groupsOf(long campaignId, List<String> phones) {
        Map<String, List<Member>> byPhone = duplicates.membersOf(campaignId, phones);
        return phones.stream().filter(byPhone::containsKey).map(phone -> new Group(phone, byPhone.get(phone))).toList();
    }
}
