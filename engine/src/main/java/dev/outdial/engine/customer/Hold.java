package dev.outdial.engine.customer;

/**
 * Something that stops a customer from being dialed without changing where it stands in dialing.
 *
 * <p>Holds stack: a paused customer may be blacklisted too. The shown status is the first hold in
 * this order (the lists the law and the business keep come before an admin's pause); when the
 * last hold is lifted the customer shows the status it would otherwise have.
 */
public enum Hold {
    /** "The number is on the business's blacklist." */
    BLACKLIST(CustomerStatus.BLOCKED),
    /** "The number is in the DNC registry." */
    DNC_REGISTRY(CustomerStatus.DNC),
    /** "Paused for this customer by an admin or supervisor." */
    PAUSE(CustomerStatus.PAUSED);

    private final CustomerStatus shownAs;

    Hold(CustomerStatus shownAs) {
        this.shownAs = shownAs;
    }

    public CustomerStatus shownAs() {
        return shownAs;
    }
}
