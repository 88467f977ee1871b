package dev.outdial.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.campaign.settings.Hotline;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotlinePoolTest {

    private static final Long SALES = 7L;
    private static final List<Hotline> OF_BUSINESS = List.of(
            hotline(1, "+842873000001", SALES, true),
            hotline(2, "+842873000002", SALES, false),
            hotline(3, "+842873000003", null, true),
            hotline(4, "+842873000004", SALES, true));

    @Test
    void aCampaignsOwnListIsCalledFromInItsOrderLeavingOutTheDisabledAndTheDeleted() {
        HotlinePool own = new HotlinePool(null, List.of(4L, 2L, 99L, 3L), null);

        assertThat(own.numbers(OF_BUSINESS)).containsExactly("+842873000004", "+842873000003");
    }

    @Test
    void aRotationOverAGroupOrOverAllTakesTheirEnabledHotlinesAsTheyAreNow() {
        assertThat(new HotlinePool(HotlineRotation.RANDOM_GROUP, List.of(), SALES).numbers(OF_BUSINESS))
                .containsExactly("+842873000001", "+842873000004");
        assertThat(new HotlinePool(HotlineRotation.ALL, List.of(), null).numbers(OF_BUSINESS))
                .containsExactly("+842873000001", "+842873000003", "+842873000004");
    }

    @Test
    void withEveryHotlineDisabledThereIsNoneToCallFrom() {
        List<Hotline> disabled = List.of(hotline(1, "+842873000001", SALES, false));

        assertThat(new HotlinePool(HotlineRotation.SINGLE, List.of(1L), null).numbers(disabled)).isEmpty();
        assertThat(new HotlinePool(HotlineRotation.ALL, List.of(), null).numbers(disabled)).isEmpty();
    }

    private static Hotline hotline(long id, String number, Long groupId, boolean enabled) {
        return new Hotline(id, number, "Line " + id, groupId == null ? null : "Sales", groupId, enabled, 0, null, null,
                null);
    }
}
