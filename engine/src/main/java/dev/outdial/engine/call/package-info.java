/**
 * A call's life from dial to disposition, driven by telephony events: the
 * {@link dev.outdial.engine.call.CallOrchestrator} dials behind the {@link dev.outdial.engine.call.DialGate}
 * (compliance and the business's concurrent calls right before every dial), follows each leg as an
 * {@link dev.outdial.engine.call.ActiveCall}, connects answered customers to agents or to an IVR
 * ({@link dev.outdial.engine.call.Connector}, {@link dev.outdial.engine.call.IvrConnector}), and
 * turns what happened into the customer's next state. Every telephony event is handed to the
 * scheduler first, so the calls of a campaign are acted on one event at a time, live and in virtual
 * time alike.
 */
package dev.outdial.engine.call;
