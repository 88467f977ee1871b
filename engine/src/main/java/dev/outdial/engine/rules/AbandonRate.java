package dev.outdial.engine.rules;

import java.util.OptionalDouble;

/**
 * The abandon rate (SPEC §7), written once for the pacer's simulations, the forecasts, the live
 * view and reports: calls a person answered and hung up on before an agent took them, divided by
 * all calls a person answered — answering machines left out, as the predictive cap counts it.
 */
public final class AbandonRate {

    private AbandonRate() {
    }

    /** {@code abandoned} ÷ {@code answeredByAPerson}; empty before anyone answered. */
    public static OptionalDouble of(long abandoned, long answeredByAPerson) {
        return answeredByAPerson == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) abandoned / answeredByAPerson);
    }
}
