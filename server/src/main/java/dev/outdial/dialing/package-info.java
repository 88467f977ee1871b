/**
 * Runs the engine live (ARCHITECTURE §2): a real-time scheduler, the simulated carrier as the
 * default telephony, one {@code BusinessDialer} per business that runs its RUNNING campaigns, the
 * call records, agents' sessions and their live events, and the agent API that drives it all.
 * The customers' store is the {@code customer} module's ({@link dev.outdial.customer.DialingCustomers}).
 * It also runs each business's inbound queues on the same agents ({@code LiveSwitchboards}): queue calls
 * are recorded through the {@code inbound} module and leave their tickets through the {@code ticket}
 * module, whose triggers bring callers to auto-callback campaigns.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dialing")
package dev.outdial.dialing;
