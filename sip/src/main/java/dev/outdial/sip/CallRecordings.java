package dev.outdial.sip;

import dev.outdial.engine.port.CallId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the adapter's call recordings go: each is written as it is made into {@code spool} (a directory of the node's
 * own), then handed, finished, to {@code store}.
 */
public record CallRecordings(Path spool, Store store) {

    public CallRecordings {
        Objects.requireNonNull(spool, "spool");
        Objects.requireNonNull(store, "store");
    }

    /** Keeps finished recordings (the server: with the call's record). */
    @FunctionalInterface
    public interface Store {

        /**
         * Keeps the file {@code wav}, a two-channel WAV ({@code dev.outdial.sip.media.CallRecording}), {@code length}
         * long, as the recording of {@code call}; the file is removed once this returns. Called on a thread of its own
         * once the recorded leg has ended.
         */
        void keep(CallId call, Path wav, Duration length) throws IOException;
    }
}
