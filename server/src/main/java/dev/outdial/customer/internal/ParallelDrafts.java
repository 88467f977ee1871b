package dev.outdial.customer.internal;

import dev.outdial.customer.NewCustomer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Drafts the rows of a file import on every core (issue 18): normalising a million numbers is
 * most of a million-row import. Rows go out in chunks, each drafted and its numbers looked up in
 * the blacklist and the DNC list by a worker (on a connection of its own, so that the import's
 * connection streams its COPY undisturbed), and come back in file order, on the caller's thread
 * (the import's transaction writes them); at most {@link #CHUNKS_IN_FLIGHT} chunks are held, so
 * memory stays flat whatever the size of the file.
 */
@Component
class ParallelDrafts implements DisposableBean {

    static final int CHUNK = 1_000;
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    static final int CHUNKS_IN_FLIGHT = 2 * THREADS;

    private final CustomerDrafts drafts;
    private final CustomerWriter writer;
    private final ExecutorService workers = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().name("import-draft-", 0).daemon().factory());

    ParallelDrafts(CustomerDrafts drafts, CustomerWriter writer) {
        this.drafts = drafts;
        this.writer = writer;
    }

    /**
     * One file's rows of business {@code businessId} in order: {@link Stream#add} each, then
     * {@link Stream#finish}; every result reaches {@code sink} in order, with the lists' answer
     * for its chunk.
     */
    Stream open(long businessId, CustomerDrafts.Context context, Sink sink) {
        return new Stream(businessId, context, sink);
    }

    /** Where the drafted rows go, in file order. */
    interface Sink {
        void accept(int row, CustomerDrafts.Result result, CustomerWriter.Listed listed);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /** A customer as read from row {@code row} of the file. */
    record Row(int row, NewCustomer customer) {
    }

    final class Stream {

        private final long businessId;
        private final CustomerDrafts.Context context;
        private final Sink sink;
        private final Deque<Future<Drafted>> inFlight = new ArrayDeque<>();
        private List<Row> chunk = new ArrayList<>(CHUNK);

        /** A chunk's rows drafted, and which of their numbers are listed. */
        private record Drafted(List<Row> rows, List<CustomerDrafts.Result> results, CustomerWriter.Listed listed) {
        }

        private Stream(long businessId, CustomerDrafts.Context context, Sink sink) {
            this.businessId = businessId;
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
            inFlight.addLast(workers.submit(() -> draft(rows)));
        }

        private Drafted draft(List<Row> rows) {
            List<CustomerDrafts.Result> results = rows.stream()
                    .map(row -> drafts.draft(row.customer(), context, null, null)).toList();
            Set<String> numbers = results.stream().filter(CustomerDrafts.Result::isValid)
                    .map(result -> result.draft().phone()).collect(Collectors.toSet());
            return new Drafted(rows, results, writer.listed(businessId, numbers));
        }

        private void deliverOldest() {
            try {
                Drafted drafted = inFlight.removeFirst().get();
                for (int i = 0; i < drafted.rows().size(); i++) {
                    sink.accept(drafted.rows().get(i).row(), drafted.results().get(i), drafted.listed());
                }
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
