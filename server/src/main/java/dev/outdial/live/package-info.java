/**
 * Live figures (issue 8, SPEC §6 "live view"): per campaign and for the whole business, the calls
 * now by phase, the agents by state, abandon rates, dials and contacts per hour, attempts per
 * customer and the estimated completion, read from maintained counters and indexed recent call
 * records, and pushed to dashboards as Server-Sent Events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live figures")
package dev.outdial.live;
