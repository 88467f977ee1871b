package dev.outdial.engine.rules;

/**
 * "The business's contract limit is never exceeded across all campaigns and manual calls": the
 * caller counts every open call of the business, whatever campaign or agent placed it.
 *
 * @param contractLimit concurrent calls the business's contract allows, at least 1
 */
public record ConcurrencyLimit(int contractLimit) {

    public ConcurrencyLimit {
        if (contractLimit < 1) {
            throw new IllegalArgumentException("the contract's concurrent calls must be at least 1, was " + contractLimit);
        }
    }

    public boolean allowsAnotherCall(int openCallsOfBusiness) {
        return openCallsOfBusiness < contractLimit;
    }

    /** How many more calls may be placed now; what a pacing loop may dial at most. */
    public int freeLines(int openCallsOfBusiness) {
        return Math.max(0, contractLimit - openCallsOfBusiness);
    }
}
