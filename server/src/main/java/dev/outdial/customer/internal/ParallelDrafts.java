package dev.outdial.customer.internal;

import dev.outdial.customer.NewCustomer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Drafts the rows of a file import on every core (issue 18): normalising a million numbers is
 * most of a million-row import. Rows go out in chunks and come back in file order, on the
 * caller's thread (the import's transaction writes them); at most {@link #CHUNKS_IN_FLIGHT}
 * chunks are held, so memory stays flat whatever the size of the file.
 */
@Component
class ParallelDrafts implements DisposableBean {

    static final int CHUNK = 1_000;
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    static final int CHUNKS_IN_FLIGHT = 2 * THREADS;

    private final CustomerDrafts drafts;
    private final ExecutorService workers = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().name("import-draft-", 0).daemon().factory());

    ParallelDrafts(CustomerDrafts drafts) {
        this.drafts = drafts;
    }

    /** One file's rows in order: {@link #add} each, then {@link #finish}; every result reaches {@code sink} in order. */
    Stream open(CustomerDrafts.Context context, BiConsumer<Integer, CustomerDrafts.Result> sink) {
        return new Stream(context, sink);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /** A customer as read from row {@code row} of the file. */
    record Row(int row, NewCustomer customer) {
    }

    final class Stream {

        private final CustomerDrafts.Context context;
        private final BiConsumer<Integer, CustomerDrafts.Result> sink;
        private final Deque<Future<List<Drafted>>> inFlight = new ArrayDeque<>();
        private List<Row> chunk = new ArrayList<>(CHUNK);

        private record Drafted(int row, CustomerDrafts.Result result) {
        }

        private Stream(CustomerDrafts.Context context, BiConsumer<Integer, CustomerDrafts.Result> sink) {
            this.context = context;
            this.sink = sink;
        }

        void add(Row row) {
            chunk.add(row);
            if (chunk.size() == CHUNK) {
                submit();
                while (inFlight.size() > CHUNKS_IN_FLIGHT) {
                    deliverOldest();
                }
            }
        }

        /** Hands every remaining result to the sink; a failure of a worker is thrown here. */
        void finish() {
            submit();
            while (!inFlight.isEmpty()) {
                deliverOldest();
            }
        }

        private void submit() {
            if (chunk.isEmpty()) {
                return;
            }
            List<Row> rows = chunk;
            chunk = new ArrayList<>(CHUNK);
            inFlight.addLast(workers.submit(() -> rows.stream()
                    .map(row -> new Drafted(row.row(), drafts.draft(row.customer(), context, null, null))).toList()));
        }

        private void deliverOldest() {
            try {
                inFlight.removeFirst().get().forEach(drafted -> sink.accept(drafted.row(), drafted.result()));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                cancelAll();
                throw new IllegalStateException("the import was interrupted", interrupted);
            } catch (ExecutionException failed) {
                cancelAll();
                throw failed.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("drafting rows failed", failed.getCause());
            }
        }

        private void cancelAll() {
            inFlight.forEach(future -> future.cancel(true));
            inFlight.clear();
        }
    }
}
