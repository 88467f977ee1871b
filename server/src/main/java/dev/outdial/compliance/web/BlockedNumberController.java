package dev.outdial.compliance.web;

import dev.outdial.compliance.BlockedNumber;
import dev.outdial.compliance.BlockedNumbers;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.Page;
import dev.outdial.shared.PageRequest;
import dev.outdial.tabular.UploadLimit;
import dev.outdial.tabular.Uploads;
import dev.outdial.web.PageMessages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/blacklist} and {@code /api/v1/dnc}: admins manage both lists; supervisors, who
 * manage customers (SPEC §1), may see why a customer is blocked.
 */
@RestController
@RequestMapping("/api/v1/" + ListPath.PATTERN)
class BlockedNumberController {

    private final BlockedNumbers numbers;
    private final PageMessages messages;

    private final UploadLimit limit;

    BlockedNumberController(BlockedNumbers numbers, PageMessages messages, UploadLimit limit) {
        this.limit = limit;
        this.numbers = numbers;
        this.messages = messages;
    }

    record NumberRequest(String number, String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    BlockedNumber add(@AuthenticationPrincipal CurrentUser me, @PathVariable String list,
                      @RequestBody NumberRequest request) {
        return numbers.add(me.businessId(), ListPath.kind(list), request.number(), request.reason());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Page<BlockedNumber> list(@AuthenticationPrincipal CurrentUser me, @PathVariable String list,
                             @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
                             @RequestParam(required = false) Integer limit) {
        return numbers.list(me.businessId(), ListPath.kind(list), q, PageRequest.of(cursor, limit));
    }

    /** {@code id}: the entry's id or the number itself, typed any usual way. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    BlockedNumber get(@AuthenticationPrincipal CurrentUser me, @PathVariable String list, @PathVariable String id) {
        return numbers.get(me.businessId(), ListPath.kind(list), id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void remove(@AuthenticationPrincipal CurrentUser me, @PathVariable String list, @PathVariable String id) {
        numbers.remove(me.businessId(), ListPath.kind(list), id);
    }

    /** A CSV or .xlsx with a header row naming a {@code phone} or {@code number} column. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ImportReportJson importFile(@AuthenticationPrincipal CurrentUser me, @PathVariable String list,
                                @RequestPart("file") MultipartFile file) {
        return ImportReportJson.of(Uploads.onDisk(limit.checked(file),
                path -> numbers.importFile(me.businessId(), ListPath.kind(list), path)), messages);
    }
}
