package dev.outdial.shared;

import java.util.Locale;

/**
 * LIKE patterns from typed text, with {@code %}, {@code _} and the escape character itself taken
 * literally: a search for "50%" finds "50%", not everything that starts with 50. Use with
 * {@code like :pattern escape '\'} on a {@code lower(...)} column.
 */
public final class SqlLike {

    private SqlLike() {
    }

    public static String contains(String typed) {
        return "%" + escape(typed) + "%";
    }

    public static String startsWith(String typed) {
        return escape(typed) + "%";
    }

    /**
     * The customer list's wildcards (SPEC §4.3): {@code ?} matches one character and {@code *} any
     * run of characters, over the whole value; everything else is taken literally.
     */
    public static String wildcard(String typed) {
        return escape(typed).replace("*", "%").replace("?", "_");
    }

    /** Whether the text uses the customer list's wildcards. */
    public static boolean hasWildcard(String typed) {
        return typed.indexOf('*') >= 0 || typed.indexOf('?') >= 0;
    }

    private static String escape(String typed) {
        return typed.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
