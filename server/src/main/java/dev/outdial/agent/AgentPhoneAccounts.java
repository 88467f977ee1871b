package dev.outdial.agent;

import dev.outdial.agent.internal.AgentPhoneRepository;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Violations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' SIP phone accounts (issue 12): an admin gives an agent a SIP user name and password, which
 * their softphone registers with. Only the digest secret HA1 = MD5(username:realm:password) is kept;
 * the user name is unique on the platform, because the registrar has one realm.
 */
@Service
public class AgentPhoneAccounts {

    static final Pattern SIP_USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 128;
    /** Fewer different characters than this is a pattern, not a password (aaaaaaaaaaaa, abababababab). */
    private static final int MIN_DISTINCT_CHARACTERS = 6;

    /** What an admin types. */
    public record PhoneCredentials(String sipUsername, String sipPassword) {
    }

    /** What a digest registrar checks a REGISTER against; the realm the secret was made in. */
    public record PhoneSecret(long userId, String sipUsername, String ha1, String realm) {
    }

    private final UserAccounts users;
    private final AgentPhoneRepository phones;
    private final PhoneRegistrar registrar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgentPhoneAccounts(UserAccounts users, AgentPhoneRepository phones, PhoneRegistrar registrar,
                       ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.phones = phones;
        this.registrar = registrar;
        this.events = events;
        this.clock = clock;
    }

    /** The user's phone account; 404 when the user is not this business's or has none. */
    @Transactional(readOnly = true)
    public AgentPhone get(long businessId, long userId) {
        ofTheBusiness(businessId, userId);
        String username = phones.usernameOf(businessId, userId)
                .orElseThrow(() -> new NotFoundException("phone", userId));
        return new AgentPhone(userId, username, registrar.isRegistered(userId));
    }

    /** The account, if the agent has one (the Users page lists agents with and without). */
    @Transactional(readOnly = true)
    public Optional<AgentPhone> find(long businessId, long userId) {
        return phones.usernameOf(businessId, userId)
                .map(username -> new AgentPhone(userId, username, registrar.isRegistered(userId)));
    }

    @Transactional
    public AgentPhone set(long businessId, long userId, PhoneCredentials credentials) {
        ofTheBusiness(businessId, userId);
        Violations violations = new Violations();
        String username = credentials.sipUsername() == null ? null : credentials.sipUsername().strip();
        if (violations.check(username != null && !username.isEmpty(), "sipUsername", "validation.required")) {
            violations.check(SIP_USERNAME.matcher(username).matches(), "sipUsername", "user.phone.username.invalid");
        }
        String password = credentials.sipPassword();
        if (violations.check(password != null && !password.isEmpty(), "sipPassword", "validation.required")) {
            if (violations.check(password.length() >= MIN_PASSWORD_LENGTH && password.length() <= MAX_PASSWORD_LENGTH,
                    "sipPassword", "user.phone.password.length", MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)) {
                violations.check(!isTriviallyWeak(password, username), "sipPassword", "user.phone.password.weak");
            }
        }
        violations.throwIfAny();
        // Deliberately the same answer whoever holds it: another business's agents stay unknown.
        phones.holderOf(username).filter(holder -> holder != userId).ifPresent(holder -> {
            throw new ConflictException("user.phone.username.taken", username);
        });
        String realm = registrar.realm();
        phones.save(businessId, userId, username, ha1(username, realm, password), realm, clock.instant());
        events.publishEvent(new AgentPhoneChanged(userId, false));
        return new AgentPhone(userId, username, registrar.isRegistered(userId));
    }

    /** Removes the user's phone account: their phone can no longer register. */
    @Transactional
    public void remove(long businessId, long userId) {
        ofTheBusiness(businessId, userId);
        if (!phones.delete(businessId, userId)) {
            throw new NotFoundException("phone", userId);
        }
        events.publishEvent(new AgentPhoneChanged(userId, true));
    }

    /** Whether the user has a phone account now: a phone registered before it was removed no longer counts. */
    @Transactional(readOnly = true)
    public boolean hasPhone(long userId) {
        return phones.hasPhone(userId);
    }

    /** The account with this SIP user name, if an enabled agent has it; for the registrar, whatever the business. */
    @Transactional(readOnly = true)
    public Optional<PhoneSecret> secretOf(String sipUsername) {
        return phones.account(sipUsername).map(account -> new PhoneSecret(account.userId(), account.sipUsername(),
                account.ha1(), account.realm()));
    }

    /** MD5(username:realm:password) in lower-case hex: RFC 2617's HA1, all a digest registrar needs. */
    public static String ha1(String username, String realm, String password) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has MD5", impossible);
        }
    }

    /**
     * 404 where the user is not the business's. Agents take calls on their phones; admins and supervisors have theirs
     * rung to listen in on calls.
     */
    private void ofTheBusiness(long businessId, long userId) {
        users.get(businessId, userId);
    }

    /** Long enough yet guessable: the user name inside it, a run like 123456789012, a few characters repeated. */
    static boolean isTriviallyWeak(String password, String username) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (password.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return true;
        }
        boolean ascending = true;
        boolean descending = true;
        for (int i = 1; i < lower.length(); i++) {
            int step = lower.charAt(i) - lower.charAt(i - 1);
            ascending &= step == 1 || step == -9;
            descending &= step == -1 || step == 9;
        }
        return ascending || descending;
    }
}
