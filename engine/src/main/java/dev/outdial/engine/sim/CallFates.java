package dev.outdial.engine.sim;

/** Where the simulated carrier gets the fate of each call it places. */
@FunctionalInterface
public interface CallFates {

    /** The fate of the call being placed now to {@code number}, under the carrier's current {@code model}. */
    CallFate next(String number, CarrierModel model);
}
