package dev.outdial.shared;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a long result in keyset batches, handing on each row as it comes: one batch at a time is
 * in memory, whatever the total. {@code next} answers the batch after the given row (the first
 * batch for {@code null}), at most {@code size} rows, in the key's order.
 */
public final class KeysetBatches {

    /** What an export reads at once: small enough to hold, large enough that a million rows take a thousand reads. */
    public static final int SIZE = 1000;

    private KeysetBatches() {
    }

    public static <T> void forEach(int size, BatchReader<T> next, Consumer<? super T> each) {
        T last = null;
        List<T> batch;
        do {
            batch = next.after(last, size);
            batch.forEach(each);
            last = batch.isEmpty() ? last : batch.getLast();
        } while (batch.size() == size);
    }

    @FunctionalInterface
    public interface BatchReader<T> {

        List<T> after(T last, int size);
    }
}
