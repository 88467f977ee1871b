/**
 * Audio files of a business (SPEC §2): prompts of IVRs, waiting music and queue notifications,
 * uploaded as WAV or MP3. Modules that play a file implement {@link dev.outdial.media.AudioUsage}
 * so a file in use is never deleted under them; this module depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audio files")
package dev.outdial.media;
