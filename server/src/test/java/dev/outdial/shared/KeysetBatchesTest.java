package dev.outdial.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Exports read in keyset batches: a long result comes in several reads, each row once, in order. */
class KeysetBatchesTest {

    @Test
    void twoThousandFiveHundredRowsAreReadInThreeBatchesNeverMoreThanOneHeld() {
        List<Integer> table = IntStream.rangeClosed(1, 2500).boxed().toList();
        List<Integer> reads = new ArrayList<>();
        KeysetBatches.BatchReader<Integer> counting = (last, size) -> {
            List<Integer> batch = table.stream().filter(key -> last == null || key > last).limit(size).toList();
            reads.add(batch.size());
            return batch;
        };
        List<Integer> seen = new ArrayList<>();

        KeysetBatches.forEach(KeysetBatches.SIZE, counting, seen::add);

        assertThat(seen).isEqualTo(table);
        assertThat(reads).containsExactly(1000, 1000, 500);
    }

    @Test
    void anExactMultipleEndsWithOneEmptyRead() {
        List<Integer> reads = new ArrayList<>();
        KeysetBatches.forEach(2, (Integer last, int size) -> {
            List<Integer> batch = IntStream.rangeClosed(1, 4).boxed()
                    .filter(key -> last == null || key > last).limit(size).toList();
            reads.add(batch.size());
            return batch;
        }, key -> { });

        assertThat(reads).containsExactly(2, 2, 0);
    }
}
