package dev.outdial.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CampaignRules;
import dev.outdial.engine.customer.CustomerInput;
import dev.outdial.engine.customer.CustomerLifecycle;
import dev.outdial.engine.customer.CustomerState;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.customer.Transition;
import dev.outdial.engine.port.CustomerStore;
import dev.outdial.engine.rules.QueuedCustomer;
import dev.outdial.engine.rules.Recipient;
import dev.outdial.engine.sim.InMemoryCustomerStore;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The store's SQL is a hand copy of the engine's {@link dev.outdial.engine.rules.DialingOrder}: this
 * contract holds them to each other. The same seeded walk — claims by agents and by the pool, the
 * state machine's inputs (dials, results, dispositions, callbacks, pauses, blacklist and DNC holds,
 * lapsed leases), time passing — runs on {@link InMemoryCustomerStore} and on the database
 * ({@link DialingCustomers}; H2 here, PostgreSQL in the PostgreSQL suite), and after every step the
 * two must have claimed the same customers in the same order and hold every customer in the same
 * state (a lease beat's renewals of many customers in one call included). A failure names its seed and
 * step; run that seed alone to replay it.
 */
@OutdialIntegrationTest
class CustomerStoreContractTest {

    private static final int CUSTOMERS = 36;
    private static final int STEPS = 250;

    @Autowired
    Api api;

    @Autowired
    DialingCustomers database;

    @Autowired
    TransactionTemplate transactions;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void theDatabaseClaimsAndStoresAsTheEngineDoes(long seed) {
        Random random = new Random(seed);
        Twin twin = Twin.open(api, database, seed, random);
        Walk walk = new Walk(twin, random, seed, transactions);
        for (int step = 0; step < STEPS; step++) {
            walk.step(step);
        }
        assertThat(walk.claims).as("seed %d: the walk claimed someone", seed).isPositive();
        assertThat(walk.transitions).as("seed %d: the walk moved customers on", seed).isGreaterThan(STEPS / 3);
        assertThat(walk.renewals).as("seed %d: a lease beat renewed someone", seed).isPositive();
        assertThat(walk.dialedWithTheirClaim).as("seed %d: a claim was dialed in its own transaction", seed).isPositive();
    }

    /** One campaign's customers in both stores, known by phone number (each store has its own ids). */
    private record Twin(CustomerStore memory, long memoryCampaign, CustomerStore db, long dbCampaign,
                        CampaignRules rules, Map<String, Long> memoryIds, Map<String, Long> dbIds,
                        List<AgentId> agents) {

        static Twin open(Api api, DialingCustomers database, long seed, Random random) {
            TestBusiness business = api.newBusiness("Contract" + seed);
            CampaignFixtures fixtures = new CampaignFixtures(business);
            // An unapproved campaign: the live dialer leaves its customers alone, so only this test moves them.
            long campaign = business.admin().post("/api/v1/campaigns",
                    fixtures.fullBody("Store contract " + seed, "PROGRESSIVE")).expect(201).id();
            List<Map<String, Object>> customers = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                Map<String, Object> customer = new HashMap<>();
                customer.put("name", "Customer " + i);
                customer.put("phone", "+8491%03d%04d".formatted(seed, i));
                if (random.nextInt(6) == 0) {
                    customer.put("dialingMode", "PREVIEW");
                }
                customers.add(customer);
            }
            // Three batches, so customers differ in when they were added as well as in id.
            int third = CUSTOMERS / 3;
            for (int from = 0; from < CUSTOMERS; from += third) {
                business.admin().post("/api/v1/campaigns/" + campaign + "/customers",
                        Map.of("customers", customers.subList(from, Math.min(CUSTOMERS, from + third)))).expect(201);
            }

            CampaignRules rules = CampaignRules.of(DialType.PROGRESSIVE, 1 + random.nextInt(4),
                    Duration.ofMinutes(random.nextBoolean() ? 0 : 30), random.nextInt(3) == 0 ? 0 : 1);
            database.register(campaign, rules);
            InMemoryCustomerStore memory = new InMemoryCustomerStore();
            long memoryCampaign = 1;
            memory.addCampaign(memoryCampaign, rules);

            Map<String, Long> dbIds = new HashMap<>();
            for (JsonNode listed : business.admin().get("/api/v1/campaigns/" + campaign + "/customers?limit=500")
                    .expect(200).json().get("items")) {
                dbIds.put(listed.get("phones").get(0).asString(), listed.get("id").asLong());
            }
            assertThat(dbIds).hasSize(CUSTOMERS);
            // The same customers, added at the same instants in the same id order, so ties break alike.
            Map<String, Long> memoryIds = new HashMap<>();
            dbIds.values().stream().sorted()
                    .map(id -> database.find(campaign, id).orElseThrow())
                    .forEach(stored -> memoryIds.put(stored.phoneNumber(), stored.ownMode()
                            .map(mode -> memory.add(memoryCampaign, stored.phoneNumber(), stored.addedAt(), mode))
                            .orElseGet(() -> memory.add(memoryCampaign, stored.phoneNumber(), stored.addedAt()))));
            List<AgentId> agents = List.of(AgentId.of(String.valueOf(fixtures.agent.id())),
                    AgentId.of(String.valueOf(fixtures.secondAgent.id())), AgentId.of("987654321"));
            return new Twin(memory, memoryCampaign, database, campaign, rules, memoryIds, dbIds, agents);
        }

        CustomerState memoryState(String phone) {
            return memory.find(memoryCampaign, memoryIds.get(phone)).orElseThrow().state();
        }

        CustomerState dbState(String phone) {
            return db.find(dbCampaign, dbIds.get(phone)).orElseThrow().state();
        }
    }

    /** The seeded walk: one random step at a time, then both stores compared. */
    private static final class Walk {

        private final Twin twin;
        private final Random random;
        private final long seed;
        private final TransactionTemplate transactions;
        private final List<String> phones;
        private Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int claims;
        int transitions;
        int renewals;
        int dialedWithTheirClaim;

        Walk(Twin twin, Random random, long seed, TransactionTemplate transactions) {
            this.twin = twin;
            this.random = random;
            this.seed = seed;
            this.transactions = transactions;
            this.phones = twin.dbIds().keySet().stream().sorted().toList();
        }

        void step(int step) {
            String where = "seed %d step %d".formatted(seed, step);
            switch (random.nextInt(10)) {
                case 0, 1, 2 -> claim(where);
                case 3 -> now = now.plus(Duration.ofMinutes(1 + random.nextInt(90)));
                case 4 -> {
                    renewHeldLeases();
                    expireLapsedLeases(where);
                }
                default -> moveSomeoneOn(where);
            }
            assertNextLookComesByTheNextDueTime(where);
            for (String phone : phones) {
                assertThat(twin.dbState(phone)).as("%s: %s in the database", where, phone)
                        .isEqualTo(twin.memoryState(phone));
            }
        }

        /**
         * The database's store keeps its answer a second, so it may tell the loop to look again sooner than
         * the next due time, never later: the exact time, or a recheck within the second.
         */
        private void assertNextLookComesByTheNextDueTime(String where) {
            Optional<Instant> dueNext = twin.memory().nextDueAfter(twin.memoryCampaign(), now);
            Optional<Instant> lookNext = twin.db().nextDueAfter(twin.dbCampaign(), now);
            if (!lookNext.equals(dueNext)) {
                assertThat(lookNext).as("%s: when the loop looks again, before someone next becomes due at %s",
                        where, dueNext).hasValueSatisfying(look -> {
                            assertThat(look).isAfter(now).isBeforeOrEqualTo(now.plusSeconds(1));
                            dueNext.ifPresent(due -> assertThat(look).isBefore(due));
                        });
            }
        }

        private void claim(String where) {
            Set<AgentId> loggedIn = new HashSet<>();
            twin.agents().stream().filter(agent -> random.nextBoolean()).forEach(loggedIn::add);
            Recipient recipient = random.nextBoolean()
                    ? Recipient.pool(loggedIn)
                    : Recipient.agent(twin.agents().get(random.nextInt(twin.agents().size())), loggedIn);
            Set<String> declined = new HashSet<>();
            // Half the claims decline nobody, as the dialer's own do: those read the fresh customers after a mark.
            if (random.nextBoolean()) {
                phones.stream().filter(phone -> random.nextInt(12) == 0).forEach(declined::add);
            }
            int max = 1 + random.nextInt(3);
            Instant leaseUntil = now.plus(Duration.ofMinutes(1 + random.nextInt(20)));

            List<String> fromMemory = phonesOf(twin.memory().claimNext(twin.memoryCampaign(),
                    recipient.declining(ids(declined, twin.memoryIds())), max, now, leaseUntil));
            if (random.nextBoolean()) {
                List<String> fromDb = phonesOf(twin.db().claimNext(twin.dbCampaign(),
                        recipient.declining(ids(declined, twin.dbIds())), max, now, leaseUntil));
                assertThat(fromDb).as("%s: claimed for %s (max %d), in order", where, recipient, max)
                        .containsExactlyElementsOf(fromMemory);
            } else {
                claimAndGoOnInOneTransaction(where, recipient.declining(ids(declined, twin.dbIds())), max, leaseUntil,
                        fromMemory);
            }
            claims += fromMemory.size();
        }

        /**
         * The claim as the pacing makes it for a dial: in a transaction that goes on with the claimed customers,
         * whose rows are not written until it writes them again or commits. Inside it the store must show the
         * claims as made, and a second claim must not take them again; the dial of the first is stored over its
         * claim, as in memory.
         */
        private void claimAndGoOnInOneTransaction(String where, Recipient recipient, int max, Instant leaseUntil,
                                                  List<String> fromMemory) {
            boolean dialFirst = !fromMemory.isEmpty() && random.nextBoolean();
            boolean claimAgain = random.nextInt(4) == 0;
            List<String> againFromMemory = claimAgain
                    ? phonesOf(twin.memory().claimNext(twin.memoryCampaign(), Recipient.pool(Set.of()), 1, now, leaseUntil))
                    : List.of();
            if (dialFirst) {
                dialInMemory(where, fromMemory.get(0));
            }
            transactions.executeWithoutResult(status -> {
                List<QueuedCustomer> claimed = twin.db().claimNext(twin.dbCampaign(), recipient, max, now, leaseUntil);
                assertThat(phonesOf(claimed)).as("%s: claimed for %s (max %d), in order", where, recipient, max)
                        .containsExactlyElementsOf(fromMemory);
                for (QueuedCustomer customer : claimed) {
                    assertThat(twin.db().find(twin.dbCampaign(), customer.customerId())).as("%s: read back", where)
                            .contains(customer);
                }
                if (claimAgain) {
                    assertThat(phonesOf(twin.db().claimNext(twin.dbCampaign(), Recipient.pool(Set.of()), 1, now,
                            leaseUntil))).as("%s: claimed again in the same transaction", where)
                            .containsExactlyElementsOf(againFromMemory);
                }
                if (dialFirst) {
                    QueuedCustomer first = claimed.get(0);
                    Transition dialed = CustomerLifecycle.apply(first.state(), new CustomerInput.Dialed(), twin.rules(), now);
                    assertThat(twin.db().record(twin.dbCampaign(), first.customerId(), first.state(),
                            (Transition.Applied) dialed)).as("%s: dialed with its claim", where).isTrue();
                    dialedWithTheirClaim++;
                }
            });
            claims += againFromMemory.size();
        }

        /**
         * A lease beat: the customers a node holds renewed in one store call ({@code updateEach}), some
         * of them lapsed or no longer claimed (rejected, left alone); the states are compared after the step.
         */
        private void renewHeldLeases() {
            Set<String> held = new HashSet<>();
            phones.stream().filter(phone -> random.nextBoolean()).forEach(held::add);
            CustomerInput renewal = new CustomerInput.LeaseRenewed(now.plus(Duration.ofMinutes(1 + random.nextInt(20))));
            Map<String, CustomerState> before = new HashMap<>();
            held.forEach(phone -> before.put(phone, twin.memoryState(phone)));
            twin.memory().updateEach(twin.memoryCampaign(), ids(held, twin.memoryIds()),
                    state -> CustomerLifecycle.apply(state, renewal, twin.rules(), now));
            renewals += (int) held.stream().filter(phone -> !twin.memoryState(phone).equals(before.get(phone))).count();
            twin.db().updateEach(twin.dbCampaign(), ids(held, twin.dbIds()),
                    state -> CustomerLifecycle.apply(state, renewal, twin.rules(), now));
        }

        /** What the engine does for a crashed node's customers: every lapsed claim gets LeaseExpired. */
        private void expireLapsedLeases(String where) {
            List<String> lapsed = phonesOf(twin.memory().lapsedClaims(twin.memoryCampaign(), now));
            assertThat(phonesOf(twin.db().lapsedClaims(twin.dbCampaign(), now)))
                    .as("%s: lapsed claims", where).containsExactlyInAnyOrderElementsOf(lapsed);
            lapsed.forEach(phone -> apply(where, phone, new CustomerInput.LeaseExpired()));
        }

        /** One customer gets the first of the state machine's inputs, in a random order, that applies to it. */
        private void moveSomeoneOn(String where) {
            // Mostly someone claimed or on a call, so calls run their course and retries pile up.
            List<String> busy = phones.stream().filter(phone -> twin.memoryState(phone).isClaimed()).toList();
            List<String> from = busy.isEmpty() || random.nextInt(4) == 0 ? phones : busy;
            String phone = from.get(random.nextInt(from.size()));
            List<CustomerInput> inputs = new ArrayList<>(List.of(
                    new CustomerInput.Dialed(),
                    new CustomerInput.Dialed(),
                    new CustomerInput.CallEnded(CallResult.values()[random.nextInt(CallResult.values().length)]),
                    new CustomerInput.CallEnded(CallResult.SUCCESS),
                    new CustomerInput.Released(),
                    new CustomerInput.LeaseRenewed(now.plus(Duration.ofMinutes(5))),
                    new CustomerInput.Done(),
                    new CustomerInput.CallbackAt(now.plus(Duration.ofMinutes(random.nextInt(240))),
                            twin.agents().get(random.nextInt(twin.agents().size()))),
                    new CustomerInput.DoNotCallBack(),
                    new CustomerInput.Paused(),
                    new CustomerInput.Started(),
                    new CustomerInput.Blacklisted(),
                    new CustomerInput.Unblacklisted(),
                    new CustomerInput.DncRegistered(),
                    new CustomerInput.DncRemoved()));
            Collections.shuffle(inputs, random);
            for (CustomerInput input : inputs) {
                if (apply(where, phone, input)) {
                    return;
                }
            }
        }

        /** The customer just claimed in memory dialed there (the database dials it its own way). */
        private void dialInMemory(String where, String phone) {
            CustomerState claimed = twin.memoryState(phone);
            Transition.Applied dialed = (Transition.Applied) CustomerLifecycle.apply(claimed, new CustomerInput.Dialed(),
                    twin.rules(), now);
            assertThat(twin.memory().record(twin.memoryCampaign(), twin.memoryIds().get(phone), claimed, dialed))
                    .as("%s: dialed in memory", where).isTrue();
            transitions++;
        }

        private boolean apply(String where, String phone, CustomerInput input) {
            CustomerState before = twin.memoryState(phone);
            if (!(CustomerLifecycle.apply(before, input, twin.rules(), now) instanceof Transition.Applied applied)) {
                return false;
            }
            assertThat(twin.memory().record(twin.memoryCampaign(), twin.memoryIds().get(phone), before, applied))
                    .as("%s: %s in memory", where, input).isTrue();
            if (random.nextBoolean()) {
                assertThat(twin.db().record(twin.dbCampaign(), twin.dbIds().get(phone), before, applied))
                        .as("%s: %s stored for %s", where, input, phone).isTrue();
            } else {
                // The engine's step in one transaction: the state machine on the customer as stored now.
                assertThat(twin.db().update(twin.dbCampaign(), twin.dbIds().get(phone),
                        stored -> CustomerLifecycle.apply(stored, input, twin.rules(), now)))
                        .as("%s: %s applied to %s as stored", where, input, phone).contains(applied);
            }
            transitions++;
            return true;
        }

        private static List<String> phonesOf(List<QueuedCustomer> customers) {
            return customers.stream().map(QueuedCustomer::phoneNumber).toList();
        }

        private static Set<Long> ids(Set<String> phones, Map<String, Long> idsByPhone) {
            return phones.stream().map(idsByPhone::get).collect(Collectors.toSet());
        }
    }
}
