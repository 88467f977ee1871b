package dev.outdial.tabular;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded file as a temporary file on disk for the length of one import: the multipart part
 * is moved there, not copied into memory, and the file is gone afterwards whatever happened.
 */
public final class Uploads {

    private Uploads() {
    }

    public static <T> T onDisk(MultipartFile upload, Function<Path, T> work) {
        Path file = null;
        try {
            file = Files.createTempFile("outdial-upload-", ".tmp");
            upload.transferTo(file);
            return work.apply(file);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // The system's temporary directory is cleaned anyway; the import's answer matters more.
            }
        }
    }
}
