package dev.outdial.compliance;

import dev.outdial.business.Businesses;
import dev.outdial.compliance.internal.BlockedNumberRepository;
import dev.outdial.compliance.internal.NumberImport;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Page;
import dev.outdial.shared.PageRequest;
import dev.outdial.shared.PhoneNumbers;
import dev.outdial.shared.PhoneSearch;
import dev.outdial.shared.Violations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Both lists of numbers a business never calls, each stored in E.164 and unique per business.
 * Every change publishes {@link NumbersBlocked} or {@link NumbersUnblocked} so that customers of
 * campaigns are re-evaluated (SPEC §4.3: BLOCKED and DNC are decided when a customer is added and
 * "a number removed from the list returns to the status it would otherwise have").
 */
@Service
public class BlockedNumbers {

    static final int MAX_REASON_LENGTH = 200;

    private final BlockedNumberRepository numbers;
    private final Businesses businesses;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BlockedNumbers(BlockedNumberRepository numbers, Businesses businesses, ApplicationEventPublisher events,
                   Clock clock) {
        this.numbers = numbers;
        this.businesses = businesses;
        this.events = events;
        this.clock = clock;
    }

    /** Adds one number as typed; a number already on the list is a conflict naming it. */
    @Transactional
    public BlockedNumber add(long businessId, BlockKind kind, String number, String reason) {
        Violations violations = new Violations();
        String e164 = PhoneNumbers.toE164(number, country(businessId), "number", violations);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        // The DNC registry is the operator's list: it says who registered, never why.
        violations.check(why == null || kind == BlockKind.BLACKLIST, "reason", "blocked.reason.not-for-dnc");
        violations.check(why == null || why.length() <= MAX_REASON_LENGTH, "reason", "validation.too-long",
                MAX_REASON_LENGTH);
        violations.throwIfAny();
        if (!numbers.existing(businessId, kind, List.of(e164)).isEmpty()) {
            throw new ConflictException("blocked.already-listed." + kind.name(), e164);
        }
        long id = numbers.insert(businessId, kind, e164, why, clock.instant());
        events.publishEvent(new NumbersBlocked(businessId, List.of(e164), kind));
        return get(businessId, kind, id);
    }

    @Transactional
    public void remove(long businessId, BlockKind kind, long id) {
        BlockedNumber entry = get(businessId, kind, id);
        numbers.delete(businessId, kind, id, clock.instant());
        events.publishEvent(new NumbersUnblocked(businessId, List.of(entry.number()), kind));
    }

    @Transactional(readOnly = true)
    public BlockedNumber get(long businessId, BlockKind kind, long id) {
        return numbers.find(businessId, kind, id)
                .orElseThrow(() -> notFound(kind, id));
    }

    /**
     * The entry named in a URL: its id, or the number itself typed any usual way ({@code +84 912…},
     * {@code 0912…}). Digits alone are an id when one exists, else read as a number.
     */
    @Transactional(readOnly = true)
    public BlockedNumber get(long businessId, BlockKind kind, String idOrNumber) {
        String typed = idOrNumber.strip();
        if (typed.matches("\\d{1,18}")) {
            Optional<BlockedNumber> byId = numbers.find(businessId, kind, Long.parseLong(typed));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        String e164 = PhoneNumbers.toE164(typed, country(businessId), "number", new Violations());
        return (e164 == null ? Optional.<BlockedNumber>empty() : numbers.findByNumber(businessId, kind, e164))
                .orElseThrow(() -> notFound(kind, typed));
    }

    @Transactional
    public void remove(long businessId, BlockKind kind, String idOrNumber) {
        remove(businessId, kind, get(businessId, kind, idOrNumber).id());
    }

    private static NotFoundException notFound(BlockKind kind, Object idOrNumber) {
        return new NotFoundException(kind == BlockKind.DNC ? "dnc-number" : "blacklist-number", idOrNumber);
    }

    /** Newest first; {@code search} is a number typed any usual way, part of one, or words of the reason. */
    @Transactional(readOnly = true)
    public Page<BlockedNumber> list(long businessId, BlockKind kind, String search, PageRequest page) {
        String text = search == null || search.isBlank() ? null : search.strip();
        PhoneSearch phone = PhoneSearch.of(text, country(businessId));
        return Page.of(numbers.page(businessId, kind, phone, text, page), page, BlockedNumber::id);
    }

    @Transactional(readOnly = true)
    public boolean contains(long businessId, BlockKind kind, String e164) {
        return listsHolding(businessId, e164).contains(kind);
    }

    /** The lists that hold the number now: what the dialer asks right before every dial, both in one look-up. */
    public Set<BlockKind> listsHolding(long businessId, String e164) {
        return numbers.listsHolding(businessId, e164);
    }

    /** The numbers among {@code e164Numbers} that are on the list, for checking many rows at once. */
    @Transactional(readOnly = true)
    public Set<String> blocked(long businessId, BlockKind kind, Collection<String> e164Numbers) {
        return e164Numbers.isEmpty() ? Set.of() : numbers.existing(businessId, kind, Set.copyOf(e164Numbers));
    }

    /**
     * Adds the numbers of a CSV or .xlsx file; it replaces nothing. One transaction: a file found
     * broken half-way adds nothing at all.
     */
    @Transactional
    public ImportReport importFile(long businessId, BlockKind kind, Path file) {
        return new NumberImport(businessId, kind, country(businessId), clock.instant(), numbers, events).run(file);
    }

    private String country(long businessId) {
        return businesses.get(businessId).defaultCountry();
    }
}
