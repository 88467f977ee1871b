/**
 * Runs the engine live (ARCHITECTURE §2): a real-time scheduler, the simulated carrier as the
 * default telephony, one {@code BusinessDialer} per business that runs its RUNNING campaigns under
 * its pacer lease, agents' sessions and their live events, and the agent API that drives it all.
 * The calls it places are recorded by the {@code call} module ({@link dev.outdial.call.DialingCalls}).
 * The customers' store is the {@code customer} module's ({@link dev.outdial.customer.DialingCustomers}).
 * It also runs each business's inbound queues on the same agents ({@code LiveSwitchboards}): queue calls
 * are recorded through the {@code inbound} module and leave their tickets through the {@code ticket}
 * module, whose triggers bring callers to auto-callback campaigns.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dialing")
package dev.outdial.dialing;
