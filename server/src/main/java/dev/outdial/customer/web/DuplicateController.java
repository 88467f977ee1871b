package dev.outdial.customer.web;

import dev.outdial.customer.Duplicates;
import dev.outdial.shared.CurrentUser;
import java.security.SecureRandom;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The duplicate filter of a campaign's customers (SPEC §4.3). */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class DuplicateController {

    private final Duplicates duplicates;

    DuplicateController(Duplicates duplicates) {
        this.duplicates = duplicates;
    }

    record Resolve(Duplicates.Mode mode, List<Long> keep) {
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/duplicates")
    Duplicates.Page list(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                         @RequestParam(required = false) String cursor) {
        return duplicates.list(me.businessId(), campaignId, cursor);
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/duplicates/resolve")
    Duplicates.Resolution resolve(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                                  @RequestBody Resolve request) {
        return duplicates.resolve(me.businessId(), campaignId, request.mode(), request.keep(), new SecureRandom());
    }
}
