/**
 * Runs the engine live (ARCHITECTURE §2): a real-time scheduler, the simulated carrier as the
 * default telephony, one {@code BusinessDialer} per business that runs its RUNNING campaigns, the
 * call records, agents' sessions and their live events, and the agent API that drives it all.
 * The customers' store is the {@code customer} module's ({@link dev.outdial.customer.DialingCustomers}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dialing")
package dev.outdial.dialing;
