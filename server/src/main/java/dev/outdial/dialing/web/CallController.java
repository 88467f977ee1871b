package dev.outdial.dialing.web;

import dev.outdial.dialing.CallRecords;
import dev.outdial.dialing.CallView;
import dev.outdial.shared.CurrentUser;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Call records under the API: a campaign's calls ({@code ?active=true}: those not yet ended) and one call. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
class CallController {

    private final CallRecords calls;

    CallController(CallRecords calls) {
        this.calls = calls;
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/calls")
    List<CallView> ofCampaign(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                              @RequestParam(defaultValue = "false") boolean active) {
        return calls.ofCampaign(me, campaignId, active);
    }

    @GetMapping("/api/v1/calls/{callId}")
    CallView get(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId) {
        return calls.get(me, callId);
    }
}
