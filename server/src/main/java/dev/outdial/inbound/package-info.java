/**
 * Inbound queues (SPEC §2): where callers wait, the key that asks for a callback and when it is
 * accepted, the notification played after it, and whether missed calls become tickets. Depends
 * on audio files; plays the notification, so it implements {@link dev.outdial.media.AudioUsage}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbound queues")
package dev.outdial.inbound;
