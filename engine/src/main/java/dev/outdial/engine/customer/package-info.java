/**
 * A customer's life in a campaign (SPEC §4.3): its status, the results of its calls (§4.4) and
 * the state machine that moves it, as pure functions of (state, input, campaign rules, now).
 *
 * <p>{@link dev.outdial.engine.customer.CustomerLifecycle#apply} is the entry point: it returns a
 * {@link dev.outdial.engine.customer.Transition} that is either applied (the new state and the
 * {@link dev.outdial.engine.customer.CustomerEvent}s it caused, for the server to persist and
 * publish) or rejected with a reason. Nothing here reads a clock: "now" is always passed in.
 */
package dev.outdial.engine.customer;
