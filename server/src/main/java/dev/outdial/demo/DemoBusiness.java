package dev.outdial.demo;

import dev.outdial.agent.UserAccounts;
import dev.outdial.agent.UserDraft;
import dev.outdial.business.Business;
import dev.outdial.business.BusinessDraft;
import dev.outdial.business.Businesses;
import dev.outdial.campaign.settings.Hotline;
import dev.outdial.campaign.settings.HotlineDraft;
import dev.outdial.campaign.settings.Hotlines;
import dev.outdial.campaign.settings.WorkingHours;
import dev.outdial.campaign.settings.WorkingHoursDraft;
import dev.outdial.campaign.settings.WorkingHoursSchedules;
import dev.outdial.shared.Role;
import dev.outdial.shared.StartupNotes;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code ./outdial demo}: a business to look around in, made once and kept across restarts. Its
 * people's sign-ins are printed at every start, since a demo is for showing.
 */
@Component
@Profile("demo")
@Order(10)
class DemoBusiness implements ApplicationRunner {

    static final String NAME = "Outdial Demo";

    /** {@code tryFirst}: what this person can try first, printed next to their sign-in. */
    record Person(String email, String name, String password, Role role, String tryFirst) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("admin@demo.outdial.dev", "Nguyễn Minh Anh", "demo-admin-pass", Role.ADMIN,
                    "open Campaigns, the predictive campaign, then New campaign"),
            new Person("supervisor@demo.outdial.dev", "Trần Quốc Bảo", "demo-supervisor", Role.SUPERVISOR,
                    "watch the Dashboard, pause and resume a campaign"),
            new Person("agent1@demo.outdial.dev", "Lê Thu Hà", "demo-agent", Role.AGENT,
                    "in another browser: Workspace, then take a call"),
            new Person("agent2@demo.outdial.dev", "Phạm Văn Đức", "demo-agent", Role.AGENT, "the same as agent1"),
            new Person("agent3@demo.outdial.dev", "Hoàng Mai Linh", "demo-agent", Role.AGENT, "the same as agent1"),
            new Person("agent4@demo.outdial.dev", "Vũ Hoàng Nam", "demo-agent", Role.AGENT, "the same as agent1"));

    /** Numbers in E.164, as stored, so the demo can tell which it already has. */
    static final List<HotlineDraft> HOTLINES = List.of(
            new HotlineDraft("+842873000001", "Hồ Chí Minh main", "Demo", true),
            new HotlineDraft("+842473000002", "Hà Nội main", "Demo", true));

    private static final List<List<String>> OFFICE_DAY = List.of(List.of("08:00", "12:00"), List.of("13:00", "17:30"));
    static final WorkingHoursDraft OFFICE_HOURS = new WorkingHoursDraft("Office hours", Map.of(
            DayOfWeek.MONDAY, OFFICE_DAY, DayOfWeek.TUESDAY, OFFICE_DAY, DayOfWeek.WEDNESDAY, OFFICE_DAY,
            DayOfWeek.THURSDAY, OFFICE_DAY, DayOfWeek.FRIDAY, OFFICE_DAY,
            DayOfWeek.SATURDAY, List.of(List.of("08:00", "12:00"))), List.of());

    /** Open every hour of every day, so a newcomer sees the demo campaigns dial whenever they look. */
    static final WorkingHoursDraft ALWAYS_OPEN = new WorkingHoursDraft("Demo 24/7",
            java.util.Arrays.stream(DayOfWeek.values()).collect(Collectors.toMap(day -> day,
                    day -> List.of(List.of("00:00", "24:00")))), List.of());

    private final Businesses businesses;
    private final UserAccounts users;
    private final Hotlines hotlines;
    private final WorkingHoursSchedules schedules;
    private final StartupNotes notes;

    DemoBusiness(Businesses businesses, UserAccounts users, Hotlines hotlines, WorkingHoursSchedules schedules,
                 StartupNotes notes) {
        this.notes = notes;
        this.businesses = businesses;
        this.users = users;
        this.hotlines = hotlines;
        this.schedules = schedules;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Business business = businesses.findByName(NAME).orElseGet(this::create);
        // Also for a demo business made by an older version, which had no settings yet.
        addMissingSettings(business.id());
        notes.add("Demo business \"" + NAME + "\": sign in with", PEOPLE.stream()
                .map(person -> String.format("%-11s %-28s %-16s %s", person.role(), person.email(), person.password(),
                        person.tryFirst()))
                .toList());
    }

    private Business create() {
        Person admin = PEOPLE.getFirst();
        Business business = businesses.create(new BusinessDraft(NAME, "Asia/Ho_Chi_Minh", "VN", 30),
                new Businesses.FirstAdmin(admin.email(), admin.password(), admin.name())).business();
        for (Person person : PEOPLE.subList(1, PEOPLE.size())) {
            users.create(business.id(), new UserDraft(person.email(), person.name(), person.password(), person.role(), true));
        }
        return business;
    }

    /** Each demo setting is made unless the business has it, so a restart never duplicates one. */
    private void addMissingSettings(long businessId) {
        Set<String> numbers = hotlines.list(businessId).stream().map(Hotline::number).collect(Collectors.toSet());
        HOTLINES.stream().filter(hotline -> !numbers.contains(hotline.number()))
                .forEach(hotline -> hotlines.create(businessId, hotline));
        for (WorkingHoursDraft hours : List.of(OFFICE_HOURS, ALWAYS_OPEN)) {
            if (schedules.list(businessId).stream().map(WorkingHours::name).noneMatch(hours.name()::equals)) {
                schedules.create(businessId, hours);
            }
        }
    }
}
