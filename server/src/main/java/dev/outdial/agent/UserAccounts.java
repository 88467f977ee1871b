package dev.outdial.agent;

import dev.outdial.agent.internal.AgentPhoneRepository;
import dev.outdial.agent.internal.CommonPasswords;
import dev.outdial.agent.internal.UserRepository;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Role;
import dev.outdial.shared.Violations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of a business: created, changed, disabled and deleted by its admins. Every method
 * takes the business id of the person acting, so one business never reaches another's users.
 */
@Service
public class UserAccounts {

    /** Agents and supervisors; an admin, who can reach every user and setting, needs a longer one. */
    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<Role> BUSINESS_ROLES = Set.of(Role.ADMIN, Role.SUPERVISOR, Role.AGENT);

    private final UserRepository users;
    private final AgentPhoneRepository phones;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final CommonPasswords common;
    private final Clock clock;

    UserAccounts(UserRepository users, AgentPhoneRepository phones, PasswordEncoder passwords,
                 ApplicationEventPublisher events, CommonPasswords common, Clock clock) {
        this.users = users;
        this.phones = phones;
        this.passwords = passwords;
        this.events = events;
        this.common = common;
        this.clock = clock;
    }

    @Transactional
    public UserAccount create(long businessId, UserDraft draft) {
        Violations violations = new Violations();
        String email = normalizeEmail(draft.email());
        checkEmail(email, "email", violations);
        checkName(draft.name(), "name", violations);
        checkPassword(draft.password(), draft.role(), "password", violations);
        if (violations.check(draft.role() != null, "role", "validation.required")) {
            violations.check(BUSINESS_ROLES.contains(draft.role()), "role", "user.role.not-assignable");
        }
        violations.throwIfAny();
        refuseTakenEmail(businessId, email);
        boolean enabled = draft.enabled() == null || draft.enabled();
        long id = users.insert(businessId, email, draft.name().strip(), passwords.encode(draft.password()),
                draft.role(), enabled, clock.instant());
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public UserAccount get(long businessId, long id) {
        return users.find(businessId, id).orElseThrow(() -> new NotFoundException("user", id));
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list(long businessId, Role role) {
        return users.list(businessId, role);
    }

    @Transactional
    public UserAccount update(long businessId, long id, UserDraft changes) {
        UserAccount current = get(businessId, id);
        Violations violations = new Violations();
        String email = changes.email() == null ? current.email() : normalizeEmail(changes.email());
        checkEmail(email, "email", violations);
        String name = changes.name() == null ? current.name() : changes.name();
        checkName(name, "name", violations);
        Role role = changes.role() == null ? current.role() : changes.role();
        if (changes.password() != null) {
            checkPassword(changes.password(), role, "password", violations);
        }
        violations.check(BUSINESS_ROLES.contains(role), "role", "user.role.not-assignable");
        violations.throwIfAny();
        boolean enabled = changes.enabled() == null ? current.enabled() : changes.enabled();
        if (!email.equals(current.email())) {
            refuseTakenEmail(businessId, email);
        }
        boolean staysActiveAdmin = role == Role.ADMIN && enabled;
        if (current.role() == Role.ADMIN && current.enabled() && !staysActiveAdmin) {
            refuseToRemoveLastAdmin(businessId);
        }
        users.update(businessId, id, email, name.strip(), role, enabled);
        if (changes.password() != null) {
            users.updatePassword(id, passwords.encode(changes.password()));
        }
        // A disabled agent's phone stops registering; an enabled one may again.
        events.publishEvent(new AgentPhoneChanged(id, !enabled));
        return get(businessId, id);
    }

    /** {@code actorId} deletes {@code id}; nobody deletes themselves (they would lock themselves out). */
    @Transactional
    public void delete(long businessId, long actorId, long id) {
        UserAccount current = get(businessId, id);
        if (actorId == id) {
            throw new ConflictException("user.delete.self", current.email());
        }
        if (current.role() == Role.ADMIN && current.enabled()) {
            refuseToRemoveLastAdmin(businessId);
        }
        users.markDeleted(businessId, id);
        // The SIP user name is free again and the phone can no longer register.
        if (phones.delete(businessId, id)) {
            events.publishEvent(new AgentPhoneChanged(id, true));
        }
    }

    /** A user changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        UserRepository.Credentials credentials = users.credentials(username)
                .orElseThrow(() -> new NotFoundException("user", username));
        Violations violations = new Violations();
        violations.check(currentPassword != null && passwords.matches(currentPassword, credentials.passwordHash()),
                "currentPassword", "user.password.wrong");
        checkPassword(newPassword, credentials.account().role(), "newPassword", violations);
        violations.throwIfAny();
        users.updatePassword(credentials.account().id(), passwords.encode(newPassword));
    }

    /**
     * The ids among {@code agentIds} that are not enabled agents of this business: unknown ids,
     * other businesses' users, admins and disabled agents alike, so a caller cannot tell them apart.
     */
    @Transactional(readOnly = true)
    public Set<Long> notActiveAgents(long businessId, Collection<Long> agentIds) {
        Set<Long> missing = new LinkedHashSet<>(agentIds);
        users.activeAgentIds(businessId, Set.copyOf(agentIds)).forEach(missing::remove);
        return missing;
    }

    /**
     * Names of the business's users among {@code ids}, deleted ones included: their calls and
     * receipts stay in reports. Ids of no user of the business are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(long businessId, Collection<Long> ids) {
        return users.names(businessId, Set.copyOf(ids));
    }

    /** Whether the sign-in name is free; the operator's business module asks before it creates one. */
    @Transactional(readOnly = true)
    public boolean emailTaken(String email) {
        return users.usernameTaken(normalizeEmail(email));
    }

    /** Validates a first admin's fields under {@code prefix} (e.g. {@code admin.}) without creating them. */
    public void checkFirstAdmin(String prefix, String email, String name, String password, Violations violations) {
        checkEmail(normalizeEmail(email), prefix + "email", violations);
        checkName(name, prefix + "name", violations);
        checkPassword(password, Role.ADMIN, prefix + "password", violations);
    }

    /**
     * An address of this business's own users is a plain conflict. One used in another business
     * gets the very answer a malformed address gets, so creating a user cannot be used to learn
     * who has an account elsewhere.
     */
    private void refuseTakenEmail(long businessId, String email) {
        if (!users.usernameTaken(email)) {
            return;
        }
        boolean ours = users.credentials(email).map(found -> Long.valueOf(businessId).equals(found.account().businessId()))
                .orElse(false);
        if (ours) {
            throw new ConflictException("user.email.taken", email);
        }
        throw new InvalidInputException("email", "user.email.invalid");
    }

    private void refuseToRemoveLastAdmin(long businessId) {
        if (users.enabledAdmins(businessId) <= 1) {
            throw new ConflictException("user.last-admin");
        }
    }

    static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private static void checkEmail(String email, String field, Violations violations) {
        if (violations.check(email != null && !email.isEmpty(), field, "validation.required")) {
            violations.check(email.length() <= 254 && EMAIL.matcher(email).matches(), field, "user.email.invalid");
        }
    }

    private static void checkName(String name, String field, Violations violations) {
        if (violations.check(name != null && !name.isBlank(), field, "validation.required")) {
            violations.check(name.strip().length() <= 200, field, "validation.too-long", 200);
        }
    }

    private void checkPassword(String password, Role role, String field, Violations violations) {
        if (violations.check(password != null, field, "validation.required")) {
            int min = role == Role.ADMIN ? MIN_ADMIN_PASSWORD_LENGTH : MIN_PASSWORD_LENGTH;
            int bytes = password.getBytes(StandardCharsets.UTF_8).length;
            if (violations.check(password.length() >= min && bytes <= MAX_PASSWORD_BYTES, field,
                    "user.password.length", min, MAX_PASSWORD_BYTES)) {
                violations.check(!common.contains(password), field, "user.password.common");
            }
        }
    }
}
