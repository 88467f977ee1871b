package dev.outdial.engine.rules;

/**
 * "The business's contract limit is never exceeded across all campaigns and manual calls": the
 * caller counts every open call of the business, whatever campaign or agent placed it.
 *
 * <p>The contract may change while the business dials: one object per business is shared by its
 * dialer, its campaigns and their dial gates, and {@link #changeTo} takes effect on their next
 * decision. Like the rest of the engine, it is used from the scheduler's one thread. Calls up
 * above a lowered limit finish; no new one starts until the business is under it again.
 */
public final class ConcurrencyLimit {

    private int contractLimit;

    /** @param contractLimit concurrent calls the business's contract allows, at least 1 */
    public ConcurrencyLimit(int contractLimit) {
        this.contractLimit = checked(contractLimit);
    }

    public int contractLimit() {
        return contractLimit;
    }

    /** The business's contract now allows {@code newLimit} concurrent calls. */
    public void changeTo(int newLimit) {
        contractLimit = checked(newLimit);
    }

    public boolean allowsAnotherCall(int openCallsOfBusiness) {
        return openCallsOfBusiness < contractLimit;
    }

    /** How many more calls may be placed now; what a pacing loop may dial at most. */
    public int freeLines(int openCallsOfBusiness) {
        return Math.max(0, contractLimit - openCallsOfBusiness);
    }

    @Override
    public String toString() {
        return "ConcurrencyLimit[" + contractLimit + "]";
    }

    private static int checked(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the contract's concurrent calls must be at least 1, was " + limit);
        }
        return limit;
    }
}
