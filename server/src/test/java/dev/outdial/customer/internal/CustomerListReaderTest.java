package dev.outdial.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.customer.CampaignCustomer;
import dev.outdial.customer.CustomerFilter;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A search with no fixed start walks a window of customers in order, then reads the rest from the
 * indexes: with a window of a few customers, every page is still exactly the page one plain query
 * gives (the first matches after the cursor, in order), whether the matches are common (found in
 * the window), rare (found past it) or straddle its edge, both ways and with other filters.
 */
@OutdialIntegrationTest
class CustomerListReaderTest {

    private static final int LIMIT = 3;

    @Autowired
    Api api;

    @Autowired
    CustomerRepository repository;

    @Autowired
    PostgresPlanner planner;

    @Autowired
    TransactionTemplate transactions;

    TestBusiness business;
    long campaign;

    @BeforeEach
    void aCampaignWithCommonAndRareNames() {
        business = api.newBusiness("listreader");
        campaign = new CampaignFixtures(business).create("Window", "PROGRESSIVE");
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Every other one a Nguyễn (19, as 38 is a Lê), a rare Lê at 3, 17 and 38; numbers ending in 5 every tenth.
            String name = i == 3 || i == 17 || i == 38 ? "Lê Thị Hiếm " + i : i % 2 == 0 ? "Nguyễn Văn " + i : "Trần " + i;
            customers.add(Map.of("name", name, "phone", "09130%05d".formatted(i * 10 + (i % 10 == 0 ? 5 : 1))));
        }
        business.admin().post("/api/v1/campaigns/" + campaign + "/customers", Map.of("customers", customers)).expect(201);
    }

    @Test
    void everyPageOfAWindowedSearchIsThePageOfOnePlainQuery() {
        CustomerListReader windowOfFive = new CustomerListReader(repository, planner, 5);
        for (CustomerFilter filter : List.of(named("*guyễn*"), named("hiếm"), named("*iếm 3?"), phoned("*5"),
                phoned("0105"), new CustomerFilter(campaign, null, "*n*", null, Set.of(CustomerStatus.NEW), null, null,
                        null, null))) {
            for (boolean ascending : List.of(false, true)) {
                List<List<Long>> windowed = pages(windowOfFive, filter, ascending);
                List<List<Long>> plain = pages(null, filter, ascending);
                assertThat(windowed).as("%s, ascending %s", filter, ascending).isEqualTo(plain);
                assertThat(plain).as("%s finds someone", filter).isNotEmpty();
            }
        }
    }

    @Test
    void theWindowedSearchFindsExactlyTheMatchesPastTheWindow() {
        CustomerListReader windowOfFive = new CustomerListReader(repository, planner, 5);

        List<Long> rare = pages(windowOfFive, named("hiếm"), false).stream().flatMap(List::stream).toList();

        assertThat(rare).hasSize(3).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(pages(windowOfFive, named("*guyễn*"), true).stream().mapToInt(List::size).sum()).isEqualTo(19);
    }

    private CustomerFilter named(String name) {
        return new CustomerFilter(campaign, null, name, null, null, null, null, null, null);
    }

    private CustomerFilter phoned(String phone) {
        return new CustomerFilter(campaign, null, null, phone, null, null, null, null, null);
    }

    /** The ids of each page, paging by the last id shown; {@code reader} null: one plain query per page. */
    private List<List<Long>> pages(CustomerListReader reader, CustomerFilter filter, boolean ascending) {
        List<List<Long>> pages = new ArrayList<>();
        Long after = null;
        while (true) {
            Long cursor = after;
            List<CampaignCustomer> fetched = transactions.execute(status -> {
                CustomerQuery query = CustomerQuery.of(business.id(), filter, "VN", cursor, ascending);
                return reader == null ? repository.page(query.where(), query.params(), ascending, LIMIT + 1)
                        : reader.page(query, LIMIT + 1);
            });
            List<CampaignCustomer> shown = fetched.subList(0, Math.min(LIMIT, fetched.size()));
            if (!shown.isEmpty()) {
                pages.add(shown.stream().map(CampaignCustomer::id).toList());
            }
            if (fetched.size() <= LIMIT) {
                return pages;
            }
            after = shown.getLast().id();
        }
    }
}
