package dev.outdial.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a keyset page starts and how long it is. Lists run newest first, so the cursor holds the
 * last id shown and the next page asks for smaller ids. The cursor is opaque to clients: they pass
 * back the {@code nextCursor} they were given.
 */
public record PageRequest(Long before, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    /** A page is for reading; a bulk export streams instead of asking for huge pages. */
    public static final int MAX_LIMIT = 500;
    private static final String PREFIX = "id:";

    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    /** Reads the query parameters; a cursor this server did not write or a limit out of range is a 400. */
    public static PageRequest of(String cursor, Integer limit) {
        Violations violations = new Violations();
        int size = limit == null ? DEFAULT_LIMIT : limit;
        violations.check(size >= 1 && size <= MAX_LIMIT, "limit", "validation.range", 1, MAX_LIMIT);
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            before = decode(cursor.strip());
            violations.check(before != null, "cursor", "validation.cursor");
        }
        violations.throwIfAny();
        return new PageRequest(before, size);
    }

    /** Rows to fetch: one more than shown, to know whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    static String cursorAfter(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    private static Long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return text.startsWith(PREFIX) ? Long.valueOf(text.substring(PREFIX.length())) : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
