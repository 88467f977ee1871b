package dev.outdial.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where {@link RejectedUploadFilter} sends a form the container could not read: what happened,
 * the limits, and a way back to the form, where the browser still holds what the user typed.
 */
@Controller
class UploadTooLargePage {

    private final DataSize maxFile;
    private final int maxParts;

    UploadTooLargePage(@Value("${outdial.uploads.max-file-size:50MB}") DataSize maxFile,
                       @Value("${server.tomcat.max-part-count:50}") int maxParts) {
        this.maxFile = maxFile;
        this.maxParts = maxParts;
    }

    @GetMapping(RejectedUploadFilter.PAGE)
    String page(Model model) {
        model.addAttribute("maxFileMegabytes", maxFile.toMegabytes());
        model.addAttribute("maxParts", maxParts);
        return "upload-too-large";
    }
}
