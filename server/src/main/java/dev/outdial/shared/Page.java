package dev.outdial.shared;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One page of a list read by keyset (ARCHITECTURE §4: "lists page by keyset, never OFFSET"), so
 * a deep page costs what the first one does. {@code nextCursor} is {@code null} on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page from rows fetched with {@link PageRequest#fetchSize()} (one more than asked): the
     * extra row only tells that there is a next page, and the last row shown becomes its cursor.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, ToLongFunction<T> key) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> shown = fetched.subList(0, request.limit());
        return new Page<>(shown, PageRequest.cursorAfter(key.applyAsLong(shown.getLast())));
    }
}
