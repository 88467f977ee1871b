package dev.outdial.campaign.web;

import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignAction;
import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.CampaignHistoryEntry;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.Campaigns;
import dev.outdial.engine.customer.DialType;
import dev.outdial.shared.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns under /api/v1/campaigns. Admins create, edit, approve, start, stop and delete;
 * supervisors see every campaign and pause or resume them (SPEC §1).
 */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Campaign create(@AuthenticationPrincipal CurrentUser me, @RequestBody CampaignDefinition settings) {
        return campaigns.create(me.businessId(), me.id(), settings);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<Campaign> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String name,
                        @RequestParam(required = false) CampaignStatus status,
                        @RequestParam(required = false) DialType dialMode) {
        return campaigns.list(me.businessId(), name, status, dialMode);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Campaign get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return campaigns.get(me.businessId(), id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    Campaign update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                    @RequestBody CampaignDefinition settings) {
        return campaigns.update(me.businessId(), me.id(), id, settings);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        campaigns.delete(me.businessId(), id);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<CampaignHistoryEntry> history(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return campaigns.history(me.businessId(), id);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('ADMIN')")
    Campaign approve(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return campaigns.act(me.businessId(), me.id(), id, CampaignAction.APPROVE);
    }

    @PostMapping("/{id}/start")
    @PreAuthorize("hasRole('ADMIN')")
    Campaign start(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return campaigns.act(me.businessId(), me.id(), id, CampaignAction.START);
    }

    @PostMapping("/{id}/pause")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Campaign pause(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return campaigns.act(me.businessId(), me.id(), id, CampaignAction.PAUSE);
    }

    @PostMapping("/{id}/resume")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Campaign resume(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return campaigns.act(me.businessId(), me.id(), id, CampaignAction.RESUME);
    }

    @PostMapping("/{id}/stop")
    @PreAuthorize("hasRole('ADMIN')")
    Campaign stop(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return campaigns.act(me.businessId(), me.id(), id, CampaignAction.STOP);
    }
}
