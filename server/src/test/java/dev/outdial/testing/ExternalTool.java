package dev.outdial.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program the tests run beside the server (Chromium, SIPp, baresip). Without it the tests that need it are skipped
 * with a note, unless {@code requiredBy} is set to 1 (CI sets it), where a missing program fails them.
 *
 * @param what the tests that need it, for the note: "the browser tests"
 * @param requiredBy the environment variable that makes it required: "OUTDIAL_REQUIRE_BROWSER"
 * @param install how to get it: "apt-get install chromium"
 */
public record ExternalTool(String name, Path path, String what, String requiredBy, String install) {

    /** Skips the test when the program is absent, or fails it where it is required. */
    public void require() {
        if (Files.isExecutable(path)) {
            return;
        }
        if ("1".equals(System.getenv(requiredBy))) {
            throw new IllegalStateException(name + " is required for " + what + " but " + path + " is missing ("
                    + install + ")");
        }
        Assumptions.abort(capitalized(what) + " need " + name + " at " + path + " (" + install + ")");
    }

    /** Ends a run of the program: asked to stop, then killed if it still runs after 5 s. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
