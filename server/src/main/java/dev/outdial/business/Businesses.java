package dev.outdial.business;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.outdial.agent.UserAccounts;
import dev.outdial.agent.UserDraft;
import dev.outdial.business.internal.BusinessRepository;
import dev.outdial.shared.BusinessTimeZones;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Role;
import dev.outdial.shared.Violations;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and describes businesses. Only the operator creates them; each comes with a first admin. */
@Service
public class Businesses implements BusinessTimeZones {

    /** Far above any single contact center's trunks; a typo of an extra zero is caught. */
    static final int MAX_CONCURRENT_CALLS = 10_000;

    private final BusinessRepository businesses;
    private final UserAccounts users;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Businesses(BusinessRepository businesses, UserAccounts users, Clock clock, ApplicationEventPublisher events) {
        this.businesses = businesses;
        this.users = users;
        this.clock = clock;
        this.events = events;
    }

    public record FirstAdmin(String email, String password, String name) {
    }

    public record Created(Business business, long adminId) {
    }

    @Transactional
    public Created create(BusinessDraft draft, FirstAdmin admin) {
        Violations violations = new Violations();
        Valid valid = validate(draft, null, violations);
        if (violations.check(admin != null, "admin", "validation.required")) {
            users.checkFirstAdmin("admin.", admin.email(), admin.name(), admin.password(), violations);
        }
        violations.throwIfAny();
        if (businesses.findByName(valid.name()).isPresent()) {
            throw new ConflictException("business.name.taken", valid.name());
        }
        if (users.emailTaken(admin.email())) {
            throw new ConflictException("user.email.taken", admin.email());
        }
        long id = businesses.insert(valid.name(), valid.zone(), valid.country(), valid.limit(), clock.instant());
        long adminId = users.create(id, new UserDraft(admin.email(), admin.name(), admin.password(), Role.ADMIN, true)).id();
        events.publishEvent(new BusinessCreated(id));
        return new Created(get(id), adminId);
    }

    @Transactional
    public Business update(long id, BusinessDraft changes) {
        Business current = get(id);
        BusinessDraft merged = new BusinessDraft(
                changes.name() == null ? current.name() : changes.name(),
                changes.timeZone() == null ? current.timeZone().getId() : changes.timeZone(),
                changes.defaultCountry() == null ? current.defaultCountry() : changes.defaultCountry(),
                changes.concurrentCallLimit() == null ? current.concurrentCallLimit() : changes.concurrentCallLimit());
        Violations violations = new Violations();
        Valid valid = validate(merged, id, violations);
        violations.throwIfAny();
        Optional<Business> sameName = businesses.findByName(valid.name());
        if (sameName.isPresent() && sameName.get().id() != id) {
            throw new ConflictException("business.name.taken", valid.name());
        }
        businesses.update(id, valid.name(), valid.zone(), valid.country(), valid.limit(), clock.instant());
        events.publishEvent(new BusinessChanged(id));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Business get(long id) {
        return businesses.find(id).orElseThrow(() -> new NotFoundException("business", id));
    }

    @Override
    @Transactional(readOnly = true)
    public ZoneId zoneOf(long businessId) {
        return get(businessId).timeZone();
    }

    /**
     * The zones the business had and from when, oldest first, at least one: its schedules were read
     * in each while it was in force (404 for no such business).
     */
    @Transactional(readOnly = true)
    public List<TimeZoneVersion> timeZoneHistory(long businessId) {
        Business business = get(businessId);
        List<TimeZoneVersion> history = businesses.zoneHistory(businessId);
        // A business written to the table by hand has no history: its zone stands for all time.
        return history.isEmpty() ? List.of(new TimeZoneVersion(business.createdAt(), business.timeZone())) : history;
    }

    @Transactional(readOnly = true)
    public Optional<Business> findByName(String name) {
        return businesses.findByName(name);
    }

    @Transactional(readOnly = true)
    public List<Business> list() {
        return businesses.list();
    }

    private record Valid(String name, ZoneId zone, String country, int limit) {
    }

    private static Valid validate(BusinessDraft draft, Long id, Violations violations) {
        String name = draft.name() == null ? null : draft.name().strip();
        if (violations.check(name != null && !name.isEmpty(), "name", "validation.required")) {
            violations.check(name.length() <= 200, "name", "validation.too-long", 200);
        }
        ZoneId zone = null;
        if (violations.check(draft.timeZone() != null && !draft.timeZone().isBlank(), "timeZone", "validation.required")) {
            try {
                zone = ZoneId.of(draft.timeZone().strip());
            } catch (DateTimeException unknown) {
                violations.add("timeZone", "business.time-zone.unknown", draft.timeZone());
            }
        }
        String country = draft.defaultCountry() == null ? null : draft.defaultCountry().strip().toUpperCase(Locale.ROOT);
        if (violations.check(country != null && !country.isEmpty(), "defaultCountry", "validation.required")) {
            violations.check(PhoneNumberUtil.getInstance().getSupportedRegions().contains(country), "defaultCountry",
                    "business.country.unknown", country);
        }
        Integer limit = draft.concurrentCallLimit();
        if (violations.check(limit != null, "concurrentCallLimit", "validation.required")) {
            violations.check(limit >= 1 && limit <= MAX_CONCURRENT_CALLS, "concurrentCallLimit",
                    "validation.range", 1, MAX_CONCURRENT_CALLS);
        }
        return violations.isEmpty() ? new Valid(name, zone, country, limit) : null;
    }
}
