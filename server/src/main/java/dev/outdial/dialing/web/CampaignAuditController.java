package dev.outdial.dialing.web;

import dev.outdial.dialing.CampaignAuditReport;
import dev.outdial.dialing.internal.CallAudit;
import dev.outdial.shared.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's call records checked against the compliance rules (issue 18): admins only. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class CampaignAuditController {

    private final CallAudit audit;

    CampaignAuditController(CallAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/audit")
    CampaignAuditReport audit(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId) {
        return audit.audit(me.businessId(), campaignId);
    }
}
