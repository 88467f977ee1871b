package dev.outdial.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.outdial.agent.UserAccount;
import dev.outdial.agent.UserAccounts;
import dev.outdial.agent.UserDraft;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.FieldViolation;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.Role;
import dev.outdial.testing.TestDatabaseProfiles;
import dev.outdial.web.PageMessages;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The business module alone (Spring Modulith's module test: only its own beans, the shared
 * module's and the database): it creates and changes businesses, validating what is typed, and
 * tells the other modules through its events. The people module it asks for the first admin is a
 * mock, so this shows what this module promises to it.
 */
@ApplicationModuleTest(verifyAutomatically = false) // ModularityTest verifies the modules, the engine left out
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class BusinessModuleTest {

    @Autowired
    Businesses businesses;

    @MockitoBean
    UserAccounts users;

    @MockitoBean
    PageMessages pageMessages;

    @BeforeEach
    void peopleAcceptTheFirstAdmin() {
        when(users.create(anyLong(), any())).thenAnswer(call -> new UserAccount(7, call.getArgument(0),
                call.<UserDraft>getArgument(1).email(), "First admin", Role.ADMIN, true, Instant.now()));
    }

    @Test
    void aCreatedBusinessIsStoredWithItsFirstAdminAndAnnounced(AssertablePublishedEvents events) {
        String name = "Module " + System.nanoTime();

        Businesses.Created created = businesses.create(new BusinessDraft(" " + name + " ", "Asia/Ho_Chi_Minh", "vn", 5),
                new Businesses.FirstAdmin("first@module.test", "first-admin-password", "First admin"));

        Business stored = businesses.get(created.business().id());
        assertThat(stored.name()).isEqualTo(name);
        assertThat(stored.timeZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(stored.defaultCountry()).isEqualTo("VN");
        assertThat(stored.concurrentCallLimit()).isEqualTo(5);
        assertThat(businesses.findByName(name)).contains(stored);
        assertThat(created.adminId()).isEqualTo(7);
        ArgumentCaptor<UserDraft> admin = ArgumentCaptor.forClass(UserDraft.class);
        verify(users).create(eq(stored.id()), admin.capture());
        assertThat(admin.getValue().role()).isEqualTo(Role.ADMIN);
        assertThat(admin.getValue().email()).isEqualTo("first@module.test");
        assertThat(events).contains(BusinessCreated.class).matching(announced -> announced.businessId() == stored.id());
    }

    @Test
    void aChangeKeepsWhatWasNotGivenAndIsAnnounced(AssertablePublishedEvents events) {
        BusinessDraft draft = new BusinessDraft("Changing " + System.nanoTime(), "Asia/Ho_Chi_Minh", "VN", 5);
        long id = businesses.create(draft, new Businesses.FirstAdmin("changing@module.test", "first-admin-password",
                "First admin")).business().id();

        Business changed = businesses.update(id, new BusinessDraft(null, null, null, 20));

        assertThat(changed.concurrentCallLimit()).isEqualTo(20);
        assertThat(changed.timeZone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(events).contains(BusinessChanged.class).matching(announced -> announced.businessId() == id);
    }

    @Test
    void everyWrongFieldIsNamedAndATakenNameIsAConflict() {
        assertThatThrownBy(() -> businesses.create(new BusinessDraft(" ", "Mars/Olympus", "XX", 0),
                new Businesses.FirstAdmin("bad@module.test", "first-admin-password", "First admin")))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("name", "timeZone", "defaultCountry", "concurrentCallLimit"));

        String name = "Taken " + System.nanoTime();
        businesses.create(new BusinessDraft(name, "UTC", "VN", 1),
                new Businesses.FirstAdmin("taken@module.test", "first-admin-password", "First admin"));
        assertThatThrownBy(() -> businesses.create(new BusinessDraft(name, "UTC", "VN", 1),
                new Businesses.FirstAdmin("again@module.test", "first-admin-password", "First admin")))
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.messageKey()).isEqualTo("business.name.taken"));
    }
}
