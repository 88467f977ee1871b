package dev.outdial.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outdial.engine.customer.AgentId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DailyQuotaTest {

    static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");
    static final AgentId ALICE = AgentId.of("alice");
    static final AgentId BOB = AgentId.of("bob");

    @Test
    void quotaIsUnlimitedByDefault() {
        assertThat(DailyQuota.unlimited(SAIGON).allowsAnother(ALICE, 10_000)).isTrue();
    }

    @Test
    void aQuotaOfOneAgentOrOfAllLimitsSomeone() {
        assertThat(DailyQuota.unlimited(SAIGON).limitsAnyone()).isFalse();
        assertThat(DailyQuota.unlimited(SAIGON).withAgentQuota(BOB, 3).limitsAnyone()).isTrue();
        assertThat(DailyQuota.sameForAll(SAIGON, 5).limitsAnyone()).isTrue();
    }

    @Test
    void agentReceivesNoMoreThanTheQuotaADay() {
        DailyQuota quota = DailyQuota.sameForAll(SAIGON, 50);

        assertThat(quota.allowsAnother(ALICE, 49)).isTrue();
        assertThat(quota.allowsAnother(ALICE, 50)).isFalse();
    }

    @Test
    void agentsOwnQuotaTakesPrecedenceOverTheCommonOne() {
        DailyQuota quota = DailyQuota.sameForAll(SAIGON, 50).withAgentQuota(BOB, 80);

        assertThat(quota.allowsAnother(BOB, 60)).isTrue();
        assertThat(quota.allowsAnother(ALICE, 60)).isFalse();
    }

    @Test
    void dayIsTheBusinessTimeZonesDay() {
        DailyQuota.QuotaDay day = DailyQuota.unlimited(SAIGON).dayOf(Instant.parse("2025-03-03T18:30:00Z"));

        assertThat(day.date()).as("01:30 on the 4th in Saigon").isEqualTo(LocalDate.parse("2025-03-04"));
        assertThat(day.start()).isEqualTo(Instant.parse("2025-03-03T17:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2025-03-04T17:00:00Z"));
    }

    @Test
    void negativeQuotaIsRejected() {
        assertThatThrownBy(() -> DailyQuota.sameForAll(SAIGON, -1)).hasMessageContaining("must not be negative");
    }
}
