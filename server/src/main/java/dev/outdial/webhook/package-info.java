/**
 * Webhooks (issue 8): a business registers URLs for its events (call ended, customer status
 * changed, campaign status changed); deliveries are signed with HMAC-SHA256, retried with backoff
 * and listed with their outcome.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package dev.outdial.webhook;
