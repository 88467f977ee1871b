package dev.outdial.media;

import dev.outdial.media.internal.AudioRepository;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.Names;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Violations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The business's audio files. They are kept in the database, not under the data directory: every
 * server node of a business reads the same database but not the same disk, a backup of the
 * database then holds the prompts its IVRs name, and files are small (10 MB by default).
 */
@Service
public class AudioFiles {

    public static final String FILE = "file";

    private final AudioRepository files;
    private final List<AudioUsage> usages;
    private final DataSize maxSize;
    private final Clock clock;

    AudioFiles(AudioRepository files, List<AudioUsage> usages,
               @Value("${outdial.audio.max-file-size:10MB}") DataSize maxSize, Clock clock) {
        this.files = files;
        this.usages = List.copyOf(usages);
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** Stores an upload after checking its size before reading it and its content rather than its name. */
    @Transactional
    public AudioFile upload(long businessId, String name, MultipartFile upload) {
        Violations violations = new Violations();
        String stored = Names.check(name, violations);
        if (violations.check(upload != null && !upload.isEmpty(), FILE, "validation.required")) {
            violations.check(upload.getSize() <= maxSize.toBytes(), FILE, "audio.file.too-large", maxSize.toMegabytes());
        }
        violations.throwIfAny();
        byte[] bytes = bytesOf(upload);
        AudioInspection.Inspected inspected = AudioInspection.inspect(bytes)
                .orElseThrow(() -> new InvalidInputException(FILE, "audio.file.not-audio"));
        long id = files.insert(businessId, stored, inspected.format(), bytes, inspected.durationMillis(), clock.instant());
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public List<AudioFile> list(long businessId) {
        return files.list(businessId);
    }

    @Transactional(readOnly = true)
    public AudioFile get(long businessId, long id) {
        return files.find(businessId, id).orElseThrow(() -> new NotFoundException("audio", id));
    }

    @Transactional(readOnly = true)
    public boolean exists(long businessId, long id) {
        return files.find(businessId, id).isPresent();
    }

    @Transactional(readOnly = true)
    public AudioContent content(long businessId, long id) {
        AudioFile file = get(businessId, id);
        return new AudioContent(file, files.bytes(businessId, id));
    }

    /**
     * The uploaded bytes of audio file {@code id} for the telephony adapter, which plays the prompts a
     * business's own IVR, queue or campaign names (so no business is asked); empty once deleted.
     */
    @Transactional(readOnly = true)
    public Optional<byte[]> contentForPlaying(long id) {
        return files.bytesForPlaying(id);
    }

    /** Refused while an IVR or a queue plays the file: callers would hear silence instead. */
    @Transactional
    public void delete(long businessId, long id) {
        AudioFile file = get(businessId, id);
        if (usages.stream().anyMatch(usage -> usage.uses(businessId, id))) {
            throw new ConflictException("audio.in-use", new Object[] {file.name()}, Map.of("id", id));
        }
        files.delete(businessId, id);
    }

    private static byte[] bytesOf(MultipartFile upload) {
        try {
            return upload.getBytes();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
