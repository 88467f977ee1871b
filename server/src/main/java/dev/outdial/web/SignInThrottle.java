package dev.outdial.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing, on the pages and the API alike. Each account and each client
 * address may fail a few times freely; after that every further failure locks it for twice as
 * long as the one before (1 s, 2 s, 4 s... up to 15 minutes), and while locked a sign-in is
 * refused before its password is even checked. Nothing sleeps: the caller is told how long to
 * wait. Addresses get more free failures than accounts, as many people may share one (an office
 * behind NAT). Failures are forgotten after an hour without one. Kept in this node's memory: an
 * attacker spreading guesses over nodes gains at most a factor of the node count.
 */
final class SignInThrottle {

    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    private static final Duration MEMORY = Duration.ofHours(1);
    private static final Logger audit = LoggerFactory.getLogger("dev.outdial.audit.SignIn");

    private final Clock clock;
    private final int freePerAccount;
    private final int freePerAddress;
    private final Duration firstLock;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;

    SignInThrottle(Clock clock, int freePerAccount, int freePerAddress, Duration firstLock) {
        this.firstLock = firstLock;
        this.clock = clock;
        this.freePerAccount = freePerAccount;
        this.freePerAddress = freePerAddress;
        this.accounts = Caffeine.newBuilder().expireAfterWrite(MEMORY).maximumSize(100_000).build();
        this.addresses = Caffeine.newBuilder().expireAfterWrite(MEMORY).maximumSize(100_000).build();
    }

    /** How long the account or the address must still wait, if either is locked now. */
    Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockOf(accounts, account(username)), lockOf(addresses, address));
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        Failures account = accounts.asMap().merge(account(username), Failures.first(),
                (before, one) -> before.again(now, freePerAccount, firstLock));
        Failures client = address == null ? null : addresses.asMap().merge(address, Failures.first(),
                (before, one) -> before.again(now, freePerAddress, firstLock));
        audit.info("Failed sign-in of account '{}' from {} ({} failures for the account, {} for the address)",
                account(username), address, account.count(), client == null ? 0 : client.count());
    }

    void succeeded(String username) {
        accounts.invalidate(account(username));
    }

    void refused(String username, String address, Duration wait) {
        audit.warn("Sign-in of account '{}' from {} refused: throttled for {} more seconds", account(username),
                address, seconds(wait));
    }

    /** Whole seconds to wait, at least one: what Retry-After says. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static Instant lockOf(Cache<String, Failures> failures, String key) {
        Failures known = key == null ? null : failures.getIfPresent(key);
        return known == null ? null : known.lockedUntil();
    }

    private static Instant later(Instant one, Instant other) {
        return one == null ? other : other == null || one.isAfter(other) ? one : other;
    }

    private static String account(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant lockedUntil) {

        static Failures first() {
            return new Failures(1, null);
        }

        Failures again(Instant now, int free, Duration firstLock) {
            int count = this.count + 1;
            if (count <= free) {
                return new Failures(count, null);
            }
            int doublings = Math.min(count - free - 1, 20);
            Duration lock = firstLock.multipliedBy(1L << doublings);
            return new Failures(count, now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock));
        }
    }
}
