package dev.outdial.sip.media;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Text to speech with the espeak-ng program: the text is one argument of the process (never
 * through a shell, after {@code --} so it is never taken for an option), the output a WAV on
 * standard output, the run bounded in time and the text in length.
 */
final class Espeak {

    static final int LONGEST_TEXT = 2000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final int MAX_ERROR_CHARS = 300;

    private Espeak() {
    }

    static Optional<Path> program() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "espeak-ng");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The WAV espeak-ng speaks (its header gives no sizes: espeak-ng streams it; the reader reads to the end). */
    static byte[] speak(String text, String languageTag) throws IOException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the text to speak is empty");
        }
        if (text.length() > LONGEST_TEXT) {
            throw new IllegalArgumentException("the text to speak has " + text.length()
                    + " characters; at most " + LONGEST_TEXT + " are spoken");
        }
        if (languageTag == null || !LANGUAGE_TAG.matcher(languageTag).matches()) {
            throw new IllegalArgumentException("the language '" + languageTag + "' is not a language tag such as vi or en-US");
        }
        Path program = program().orElseThrow(() -> new IOException("espeak-ng is not installed (apt-get install espeak-ng)"));
        List<String> voices = new ArrayList<>();
        voices.add(languageTag.toLowerCase(Locale.ROOT));
        String primary = languageTag.split("-")[0].toLowerCase(Locale.ROOT);
        if (!voices.contains(primary)) {
            voices.add(primary);
        }
        String lastError = "";
        for (String voice : voices) {
            Result result = run(program, voice, text);
            if (result.wav.length > 44) {
                return result.wav;
            }
            lastError = result.error;
        }
        throw new IOException("espeak-ng has no voice for '" + languageTag + "'" + (lastError.isBlank() ? "" : ": " + lastError.strip()));
    }

    private static Result run(Path program, String voice, String text) throws IOException {
        Process process = new ProcessBuilder(program.toString(), "-v", voice, "--stdout", "--", text).start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> wav = readAll(process.getInputStream());
        CompletableFuture<byte[]> error = readAll(process.getErrorStream());
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("espeak-ng did not finish within " + TIMEOUT.toSeconds() + " seconds");
            }
            String message = new String(error.get(), StandardCharsets.UTF_8);
            return new Result(wav.get(), message.substring(0, Math.min(message.length(), MAX_ERROR_CHARS)));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while espeak-ng spoke", e);
        } catch (ExecutionException e) {
            throw new IOException("reading espeak-ng's output failed", e.getCause());
        }
    }

    private static CompletableFuture<byte[]> readAll(InputStream stream) {
        CompletableFuture<byte[]> bytes = new CompletableFuture<>();
        Thread.ofVirtual().name("espeak-ng-output").start(() -> {
            try (stream) {
                bytes.complete(stream.readAllBytes());
            } catch (IOException e) {
                bytes.completeExceptionally(e);
            }
        });
        return bytes;
    }

    private record Result(byte[] wav, String error) {
    }
}
