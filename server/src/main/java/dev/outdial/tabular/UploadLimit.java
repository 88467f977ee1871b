package dev.outdial.tabular;

import dev.outdial.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The largest file an import takes ({@code outdial.uploads.max-file-size}, 50 MB by default),
 * refused with a field error the form and the API show like any other. The servlet's own limit
 * sits far above it as a last guard: past it the container can only drop the request.
 */
@Component
public class UploadLimit {

    private final DataSize max;

    UploadLimit(@Value("${outdial.uploads.max-file-size:50MB}") DataSize max) {
        this.max = max;
    }

    public void check(MultipartFile file) {
        if (file != null && file.getSize() > max.toBytes()) {
            throw new InvalidInputException(SpreadsheetRows.FIELD, "tabular.file.too-large", max.toMegabytes());
        }
    }

    /** The file, once {@link #check checked}: for passing on in one expression. */
    public MultipartFile checked(MultipartFile file) {
        check(file);
        return file;
    }
}
