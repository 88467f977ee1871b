package dev.outdial.media.web;

import dev.outdial.media.AudioContent;
import dev.outdial.media.AudioFile;
import dev.outdial.media.AudioFiles;
import dev.outdial.shared.CurrentUser;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Audio files: admins upload and delete them, supervisors may list and listen. */
@RestController
@RequestMapping("/api/v1/audio")
class AudioController {

    private final AudioFiles audio;

    AudioController(AudioFiles audio) {
        this.audio = audio;
    }

    /** {@code name} is a form field or query parameter; without it the file's name minus its extension. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    AudioFile upload(@AuthenticationPrincipal CurrentUser me, @RequestParam(name = "file", required = false) MultipartFile file,
                     @RequestParam(name = "name", required = false) String name) {
        return audio.upload(me.businessId(), name != null ? name : baseName(file), file);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<AudioFile> list(@AuthenticationPrincipal CurrentUser me) {
        return audio.list(me.businessId());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    AudioFile get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return audio.get(me.businessId(), id);
    }

    @GetMapping("/{id}/content")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<byte[]> content(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        AudioContent content = audio.content(me.businessId(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.file().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(content.bytes());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        audio.delete(me.businessId(), id);
    }

    private static String baseName(MultipartFile file) {
        String original = file == null ? null : file.getOriginalFilename();
        if (original == null) {
            return null;
        }
        int dot = original.lastIndexOf('.');
        return dot > 0 ? original.substring(0, dot) : original;
    }
}
