/**
 * The engine's other clock: a virtual-time {@link dev.outdial.engine.sim.VirtualScheduler}, a
 * {@link dev.outdial.engine.sim.SimulatedCarrier} whose calls' fates come from a carrier model or
 * per-number rules, simulated agents, and in-memory stores of customers, calls and number lists.
 * With them a day of a campaign runs in seconds, deterministically for a seed: how pacing is
 * evaluated ({@code scenario}), how campaigns are forecast ({@code forecast}) and how compliance is
 * proven under load. The live server uses the simulated carrier as its default telephony.
 */
package dev.outdial.engine.sim;
