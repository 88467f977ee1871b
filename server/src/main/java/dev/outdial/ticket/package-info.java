/**
 * Tickets and triggers (SPEC §2, issue 7): what calls, callback requests, missed calls and e-mails
 * leave to follow up, and the admin's rules that act on every ticket event. The action "add the
 * customer to campaign X" is how an inbound caller who asked for a callback reaches an
 * auto-callback campaign. Depends on campaigns and their customers; the dialer and inbound queues
 * depend on it ({@link dev.outdial.ticket.Tickets#open}), never the other way round.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets and triggers")
package dev.outdial.ticket;
