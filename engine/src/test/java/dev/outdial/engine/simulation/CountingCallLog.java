package dev.outdial.engine.simulation;

import dev.outdial.engine.port.CallId;
import dev.outdial.engine.port.CallLog;
import dev.outdial.engine.port.CallRecord;
import dev.outdial.engine.port.LineRequest;
import dev.outdial.engine.rules.DialVerdict;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulation's call log, counting the commits the engine asks of it as a database would make
 * them: one per outermost {@link #atomically}, one per write outside any. A commit that writes call
 * records without opening, naming or ending any is a save of calls' steps (issue 18: the steps of a call once
 * cost a commit each).
 */
final class CountingCallLog implements CallLog {

    private final CallLog log;
    private int depth;
    private boolean opensOrEnds;
    private boolean writesRecords;
    private int commits;
    private int stepSaves;
    private int businessCallCounts;
    private Consumer<CallRecord> beforeSave = call -> { };

    CountingCallLog(CallLog log) {
        this.log = log;
    }

    /** Commits made so far. */
    int commits() {
        return commits;
    }

    /** How many times the business's open calls were counted: a query of the call records each, on a server. */
    int businessCallCounts() {
        return businessCallCounts;
    }

    /** Commits that only saved steps of calls up (no call opened, named or ended). */
    int stepSaves() {
        return stepSaves;
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        depth++;
        try {
            return log.atomically(work);
        } finally {
            depth--;
            committed();
        }
    }

    @Override
    public LineRequest openLine(CallRecord pending, int contractLimit) {
        opensOrEnds = true;
        return write(() -> log.openLine(pending, contractLimit));
    }

    @Override
    public void cancelLine(CallId pending) {
        opensOrEnds = true;
        write(() -> {
            log.cancelLine(pending);
            return null;
        });
    }

    /** A write the engine makes to another table of the same database: a commit of its own outside a transaction. */
    void writeOfAnotherTable(Runnable write) {
        write(() -> {
            write.run();
            return null;
        });
    }

    /** Runs {@code reader} on each record saved, inside the transaction that saves it, before it is written. */
    void beforeSave(Consumer<CallRecord> reader) {
        this.beforeSave = reader;
    }

    @Override
    public void save(CallRecord call) {
        beforeSave.accept(call);
        writeRecord(call, () -> log.save(call));
    }

    @Override
    public void recordRefusal(long campaignId, long customerId, String number, Instant at, DialVerdict.Refused refusal) {
        write(() -> {
            log.recordRefusal(campaignId, customerId, number, at, refusal);
            return null;
        });
    }

    @Override
    public int openCalls(long businessId) {
        businessCallCounts++;
        return log.openCalls(businessId);
    }

    @Override
    public Optional<CallRecord> openCallOf(long campaignId, long customerId) {
        return log.openCallOf(campaignId, customerId);
    }

    private void writeRecord(CallRecord call, Runnable write) {
        writesRecords = true;
        opensOrEnds |= !call.isOpen();
        write(() -> {
            write.run();
            return null;
        });
    }

    private <T> T write(Supplier<T> write) {
        T result = write.get();
        if (depth == 0) {
            committed();
        }
        return result;
    }

    private void committed() {
        commits++;
        if (writesRecords && !opensOrEnds) {
            stepSaves++;
        }
        writesRecords = false;
        opensOrEnds = false;
    }
}
