package dev.outdial.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.agent.UserAccounts;
import dev.outdial.business.Businesses;
import dev.outdial.campaign.settings.Hotline;
import dev.outdial.campaign.settings.Hotlines;
import dev.outdial.campaign.settings.WorkingHours;
import dev.outdial.campaign.settings.WorkingHoursSchedules;
import dev.outdial.shared.StartupNotes;
import dev.outdial.testing.OutdialIntegrationTest;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

@OutdialIntegrationTest
class DemoBusinessTest {

    @Autowired
    Businesses businesses;

    @Autowired
    UserAccounts users;

    @Autowired
    Hotlines hotlines;

    @Autowired
    WorkingHoursSchedules schedules;

    @Test
    void theDemoHasItsHotlinesAndOfficeHoursOnceAndGetsBackWhatItLacks() {
        StartupNotes notes = new StartupNotes();
        DemoBusiness demo = new DemoBusiness(businesses, users, hotlines, schedules, notes);
        demo.run(new DefaultApplicationArguments());
        demo.run(new DefaultApplicationArguments());
        long id = businesses.findByName(DemoBusiness.NAME).orElseThrow().id();
        assertThat(notes.render("http://localhost:8080")).contains("Outdial is ready: open http://localhost:8080",
                "admin@demo.outdial.dev", "demo-admin-pass", "agent1@demo.outdial.dev", "take a call");

        assertThat(hotlines.list(id)).extracting(Hotline::number, Hotline::name, Hotline::group).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("+842473000002", "Hà Nội main", "Demo"),
                org.assertj.core.groups.Tuple.tuple("+842873000001", "Hồ Chí Minh main", "Demo"));
        WorkingHours office = schedules.list(id).stream().filter(s -> s.name().equals("Office hours")).findFirst()
                .orElseThrow();
        ZoneId saigon = ZoneId.of("Asia/Ho_Chi_Minh");
        assertThat(office.hours().isOpen(Instant.parse("2026-03-07T04:00:00Z"), saigon)).as("Saturday 11:00").isTrue();
        assertThat(office.hours().isOpen(Instant.parse("2026-03-06T10:00:00Z"), saigon)).as("Friday 17:00").isTrue();
        assertThat(office.hours().isOpen(Instant.parse("2026-03-07T06:00:00Z"), saigon)).as("Saturday 13:00").isFalse();

        // A demo business made before settings existed: what it lacks is added at the next start.
        hotlines.delete(id, hotlines.list(id).getFirst().id());
        schedules.delete(id, office.id());
        demo.run(new DefaultApplicationArguments());

        assertThat(hotlines.list(id)).hasSize(2);
        assertThat(schedules.list(id)).extracting(WorkingHours::name).containsOnlyOnce("Office hours");
    }
}
