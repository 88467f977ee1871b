package dev.outdial.sip.signal;

import dev.outdial.engine.port.Telephony.Prompt;
import dev.outdial.sip.media.MediaLeg;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an answered leg hears and keys: prompts queued in the order the engine asked for them (an
 * IVR plays several in a row, each converted off the SIP threads), the keys of one digit collection
 * at a time, and a hang-up held back until the queued prompts are over.
 */
public final class LegAudio {

    private static final Logger LOG = LoggerFactory.getLogger(LegAudio.class);

    private final MediaLeg media;
    private final PromptLibrary prompts;
    private final ScheduledExecutorService timers;
    private final Consumer<String> digitsCollected;
    private final Runnable hangUp;
    /** Each prompt waits for the ones asked before it, so a quick conversion never jumps the queue. */
    private CompletableFuture<Void> queue = CompletableFuture.completedFuture(null);
    private int playing;
    private boolean hangUpWhenQuiet;
    private Collection collection;

    public LegAudio(MediaLeg media, PromptLibrary prompts, ScheduledExecutorService timers,
                    Consumer<String> digitsCollected, Runnable hangUp) {
        this.media = media;
        this.prompts = prompts;
        this.timers = timers;
        this.digitsCollected = digitsCollected;
        this.hangUp = hangUp;
    }

    public MediaLeg media() {
        return media;
    }

    public synchronized void play(Prompt prompt, boolean loop) {
        queue = queue.thenCompose(ignored -> prompts.clip(prompt))
                .thenAccept(clip -> clip.ifPresent(audio -> {
                    synchronized (this) {
                        playing++;
                    }
                    media.play(audio, loop, this::oneOver);
                }))
                .exceptionally(failure -> {
                    LOG.warn("Prompt {} not played", prompt, failure);
                    return null;
                });
    }

    /** What the leg hears while the leg bridged to it is on hold, once converted (off the SIP threads). */
    public void holdMusic(Prompt music) {
        prompts.clip(music).thenAccept(clip -> clip.ifPresent(media::holdMusic)).exceptionally(failure -> {
            LOG.warn("Hold music {} not used", music, failure);
            return null;
        });
    }

    /**
     * Stops what plays (a looped clip, which would otherwise keep every later one from starting) once the prompts
     * queued before have been handed to the media, so a clip still being converted is stopped too.
     */
    public synchronized void stopPlaying() {
        queue = queue.thenRun(() -> {
            synchronized (this) {
                // A clip cut short never reports its end: none is playing now.
                playing = 0;
            }
            media.stopPlaying();
        });
    }

    public synchronized void hangUpAfterPrompts() {
        queue = queue.thenRun(() -> {
            boolean now;
            synchronized (this) {
                hangUpWhenQuiet = true;
                now = playing == 0;
            }
            if (now) {
                hangUp.run();
            }
        });
    }

    private void oneOver() {
        boolean now;
        synchronized (this) {
            playing = Math.max(0, playing - 1);
            now = playing == 0 && hangUpWhenQuiet;
        }
        if (now) {
            hangUp.run();
        }
    }

    /**
     * Collects up to {@code maxDigits} keys; {@code #} ends a longer collection early (and is not
     * part of it), but is a key of its own when one key is asked for. Reports what was keyed on
     * time out, empty when nothing was.
     */
    public synchronized void collectDigits(int maxDigits, Duration timeout) {
        if (collection != null) {
            collection.cancel();
        }
        Collection started = new Collection(maxDigits);
        collection = started;
        started.timeout = timers.schedule(() -> finish(started), timeout.toMillis(), TimeUnit.MILLISECONDS);
        media.onKey(started::key);
    }

    /** Stops listening for keys; the leg ended. */
    public synchronized void stop() {
        if (collection != null) {
            collection.cancel();
            collection = null;
        }
        media.onKey(null);
    }

    private void finish(Collection finished) {
        String digits;
        synchronized (this) {
            if (collection != finished) {
                return;
            }
            collection = null;
            finished.cancel();
            media.onKey(null);
            digits = finished.keys.toString();
        }
        digitsCollected.accept(digits);
    }

    private final class Collection {
        private final int maxDigits;
        private final StringBuilder keys = new StringBuilder();
        private ScheduledFuture<?> timeout;

        private Collection(int maxDigits) {
            this.maxDigits = maxDigits;
        }

        private void key(char key) {
            boolean done;
            synchronized (LegAudio.this) {
                if (collection != this) {
                    return;
                }
                if (key == '#' && maxDigits > 1) {
                    done = true;
                } else {
                    keys.append(key);
                    done = keys.length() >= maxDigits;
                }
            }
            if (done) {
                finish(this);
            }
        }

        private void cancel() {
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
    }
}
