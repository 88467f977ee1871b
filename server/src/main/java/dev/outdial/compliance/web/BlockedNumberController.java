package dev.outdial.compliance.web;

import dev.outdial.compliance.BlockKind;
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
 * manage customers (SPEC §1), may see why a customer is blocked. One controller per list, so each
 * has paths of its own (no {@code /api/v1/{list}} that would also match every other resource).
 */
abstract class BlockedNumberController {

    private final BlockKind kind;
    private final BlockedNumbers numbers;
    private final PageMessages messages;

    private final UploadLimit limit;

    BlockedNumberController(BlockKind kind, BlockedNumbers numbers, PageMessages messages, UploadLimit limit) {
        this.kind = kind;
        this.limit = limit;
        this.numbers = numbers;
        this.messages = messages;
    }

    @RestController
    @RequestMapping("/api/v1/blacklist")
    static class BlacklistController extends BlockedNumberController {

        BlacklistController(BlockedNumbers numbers, PageMessages messages, UploadLimit limit) {
            super(BlockKind.BLACKLIST, numbers, messages, limit);
        }
    }

    @RestController
    @RequestMapping("/api/v1/dnc")
    static class DncController extends BlockedNumberController {

        DncController(BlockedNumbers numbers, PageMessages messages, UploadLimit limit) {
            super(BlockKind.DNC, numbers, messages, limit);
        }
    }

    record NumberRequest(String number, String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    BlockedNumber add(@AuthenticationPrincipal CurrentUser me, @RequestBody NumberRequest request) {
        return numbers.add(me.businessId(), kind, request.number(), request.reason());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Page<BlockedNumber> list(@AuthenticationPrincipal CurrentUser me,
                             @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
                             @RequestParam(required = false) Integer limit) {
        return numbers.list(me.businessId(), kind, q, PageRequest.of(cursor, limit));
    }

    /** {@code id}: the entry's id or the number itself, typed any usual way. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    BlockedNumber get(@AuthenticationPrincipal CurrentUser me, @PathVariable String id) {
        return numbers.get(me.businessId(), kind, id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void remove(@AuthenticationPrincipal CurrentUser me, @PathVariable String id) {
        numbers.remove(me.businessId(), kind, id);
    }

    /** A CSV or .xlsx with a header row naming a {@code phone} or {@code number} column. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ImportReportJson importFile(@AuthenticationPrincipal CurrentUser me, @RequestPart("file") MultipartFile file) {
        return ImportReportJson.of(Uploads.onDisk(limit.checked(file),
                path -> numbers.importFile(me.businessId(), kind, path)), messages);
    }
}
