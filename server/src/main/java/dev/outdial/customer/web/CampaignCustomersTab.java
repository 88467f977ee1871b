package dev.outdial.customer.web;

import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.settings.CallClassification;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.campaign.settings.ClassificationLabels;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.web.PageMessages;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customers tab of a campaign's details page (SPEC §6, the manual's "Customers tab"): the
 * customer list of that campaign with search by name, phone ({@code ?} and {@code *}) and status,
 * each phone number linking to its call history. The details page loads it into itself, like the
 * progress chart, since the campaign module cannot depend on this one.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class CampaignCustomersTab {

    private static final int PAGE_SIZE = 50;

    private final CampaignCustomers customers;
    private final Campaigns campaigns;
    private final CallClassifications classifications;
    private final ClassificationLabels labels;
    private final PageMessages messages;

    CampaignCustomersTab(CampaignCustomers customers, Campaigns campaigns, CallClassifications classifications,
                         ClassificationLabels labels,
                         PageMessages messages) {
        this.customers = customers;
        this.campaigns = campaigns;
        this.classifications = classifications;
        this.labels = labels;
        this.messages = messages;
    }

    @GetMapping("/campaigns/{campaignId}/customers-tab")
    String tab(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
               @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
               @RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
               Model model) {
        model.addAttribute("maxCalls", campaigns.get(me.businessId(), campaignId).settings().maxCallsPerCustomer());
        var query = new CampaignCustomerController.ListQuery(campaignId, null, name, phone,
                status == null || status.isBlank() ? null : List.of(status), null, null, null, null, null, cursor,
                PAGE_SIZE);
        try {
            model.addAttribute("page", customers.list(me.businessId(), query.filter(campaignId), query.page(),
                    query.ascending()));
        } catch (InvalidInputException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
        }
        Map<Long, String> classificationNames = classifications.list(me.businessId()).stream()
                .collect(Collectors.toMap(CallClassification::id, labels::of));
        model.addAttribute("classificationNames", classificationNames);
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("name", name);
        model.addAttribute("phone", phone);
        model.addAttribute("status", status);
        return "customers/campaign-tab :: tab";
    }
}
