package dev.outdial.customer.web;

import dev.outdial.agent.UserAccounts;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.Campaigns;
import dev.outdial.contact.ContactChoices;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.customer.ContactSource;
import dev.outdial.customer.CustomerImports;
import dev.outdial.customer.Duplicates;
import dev.outdial.customer.ImportJob;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.shared.BusinessTimeZones;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.Page;
import dev.outdial.shared.Role;
import dev.outdial.web.PageMessages;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer list of the manual (search, display by customer or group, per-row actions, the
 * duplicate filters shown when one campaign is chosen), adding customers and the import report.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class CustomerPages {

    private final CampaignCustomers customers;
    private final CustomerImports imports;
    private final Duplicates duplicates;
    private final Campaigns campaigns;
    private final UserAccounts users;
    private final BusinessTimeZones zones;
    private final ContactChoices choices;
    private final PageMessages messages;
    private final CustomerExports exports;

    CustomerPages(CampaignCustomers customers, CustomerImports imports, Duplicates duplicates, Campaigns campaigns,
                  UserAccounts users, BusinessTimeZones zones, ContactChoices choices, PageMessages messages,
                  CustomerExports exports) {
        this.exports = exports;
        this.choices = choices;
        this.customers = customers;
        this.imports = imports;
        this.duplicates = duplicates;
        this.campaigns = campaigns;
        this.users = users;
        this.zones = zones;
        this.messages = messages;
    }

    @GetMapping("/customers")
    String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long campaignId,
                @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
                @RequestParam(required = false) List<String> status,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate addedFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate addedTo,
                @RequestParam(required = false) Long accountManagerId, @RequestParam(required = false) Long groupId,
                @RequestParam(required = false) String cursor, @RequestParam(required = false) String view,
                Model model, HttpServletResponse response) {
        var query = listQuery(me, campaignId, name, phone, status, addedFrom, addedTo, accountManagerId, groupId, cursor);
        boolean byGroup = "group".equals(view) && campaignId != null;
        model.addAttribute("byGroup", byGroup);
        model.addAttribute("groupId", groupId);
        if (byGroup) {
            model.addAttribute("groupCounts", customers.countByGroup(me.businessId(), campaignId));
        }
        try {
            model.addAttribute("page", customers.list(me.businessId(), query.filter(campaignId), query.page(),
                    query.ascending()));
        } catch (InvalidInputException rejected) {
            // The filter shows again with its reasons, over an empty list, and says 400 as the API does.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", messages.describe(rejected));
            model.addAttribute("page", new Page<>(List.of(), null));
        }
        List<Campaign> all = campaigns.list(me.businessId(), null, null, null);
        model.addAttribute("campaigns", all);
        model.addAttribute("maxCalls", all.stream().collect(Collectors.toMap(Campaign::id,
                campaign -> campaign.settings().maxCallsPerCustomer())));
        model.addAttribute("agents", users.list(me.businessId(), Role.AGENT));
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("chosenStatuses", status == null ? List.of() : status);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("name", name);
        model.addAttribute("phone", phone);
        model.addAttribute("addedFrom", addedFrom);
        model.addAttribute("addedTo", addedTo);
        model.addAttribute("accountManagerId", accountManagerId);
        return "customers/list";
    }

    @PostMapping("/customers/{campaignId}/{customerId}/{action}")
    String act(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId, @PathVariable long customerId,
               @PathVariable String action, @RequestHeader(name = "Referer", required = false) String back,
               RedirectAttributes redirect) {
        try {
            switch (action) {
                case "pause" -> customers.pause(me.businessId(), campaignId, customerId);
                case "start" -> customers.start(me.businessId(), campaignId, customerId);
                case "delete" -> customers.delete(me.businessId(), campaignId, customerId);
                default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("errors", messages.describe(refused));
        }
        return "redirect:" + (back != null && back.contains("/customers") ? back.replaceFirst("^https?://[^/]+", "")
                : "/customers?campaignId=" + campaignId);
    }

    /** The list as its search stands, every column, as CSV or .xlsx: the page's export buttons. */
    @GetMapping("/customers/export")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal CurrentUser me,
                @RequestParam(required = false) Long campaignId, @RequestParam(required = false) String name,
                @RequestParam(required = false) String phone, @RequestParam(required = false) List<String> status,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate addedFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate addedTo,
                @RequestParam(required = false) Long accountManagerId, @RequestParam(required = false) Long groupId,
                @RequestParam(required = false) String format) {
        var query = listQuery(me, campaignId, name, phone, status, addedFrom, addedTo, accountManagerId, groupId, null);
        return exports.export(me, format, query.filter(campaignId));
    }

    /** The page's search as the API's list query; dates are whole days in the business's time zone. */
    private CampaignCustomerController.ListQuery listQuery(CurrentUser me, Long campaignId, String name, String phone,
                                                           List<String> status, LocalDate addedFrom, LocalDate addedTo,
                                                           Long accountManagerId, Long groupId, String cursor) {
        ZoneId zone = zones.zoneOf(me.businessId());
        return new CampaignCustomerController.ListQuery(campaignId, null, name, phone, status,
                addedFrom == null ? null : addedFrom.atStartOfDay(zone).toInstant(),
                addedTo == null ? null : addedTo.plusDays(1).atStartOfDay(zone).toInstant(), accountManagerId, groupId,
                null, cursor, 50);
    }

    @GetMapping("/customers/add")
    String addPage(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long campaignId,
                   Model model) {
        if (campaignId != null) {
            campaigns.get(me.businessId(), campaignId); // another business's campaign is not found
        }
        model.addAttribute("campaigns", campaigns.list(me.businessId(), null, null, null).stream()
                .filter(campaign -> campaign.status() != CampaignStatus.ENDED).toList());
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("choices", choices.of(me.businessId()));
        return "customers/add";
    }

    /**
     * Adds customers from the source chosen in "Add from" (SPEC §4.3). The campaign wizard forwards
     * its customers step here once the campaign exists, with {@code then=campaign}: a refused
     * source then shows on the new campaign's page rather than losing the campaign.
     */
    @PostMapping("/customers/add")
    String add(@AuthenticationPrincipal CurrentUser me, @RequestParam long campaignId,
               @RequestParam(defaultValue = "NONE") String customerSource,
               @RequestParam(required = false) List<Long> contactIds, @RequestParam(required = false) Long groupId,
               @RequestParam(required = false) Long filterId, @RequestParam(required = false) MultipartFile file,
               @RequestParam(required = false) String then, Model model, RedirectAttributes redirect) {
        boolean fromWizard = "campaign".equals(then);
        campaigns.get(me.businessId(), campaignId); // another business's campaign is not found
        try {
            ImportJob job = switch (customerSource) {
                case "FILE" -> imports.start(me.businessId(), me.id(), campaignId, file);
                case "GROUP" -> customers.addContacts(me.businessId(), me.id(), campaignId,
                        new ContactSource.Group(required(groupId, "groupId")));
                case "FILTER" -> customers.addContacts(me.businessId(), me.id(), campaignId,
                        new ContactSource.Filter(required(filterId, "filterId")));
                case "CONTACTS" -> customers.addContacts(me.businessId(), me.id(), campaignId,
                        new ContactSource.Chosen(required(contactIds, "contactIds")));
                default -> null;
            };
            if (job == null) {
                return fromWizard ? "redirect:/campaigns/" + campaignId : "redirect:/customers/add?campaignId=" + campaignId;
            }
            return "redirect:/customers/imports/" + job.id();
        } catch (InvalidInputException | ConflictException rejected) {
            if (fromWizard) {
                redirect.addFlashAttribute("errors", messages.describe(rejected));
                return "redirect:/campaigns/" + campaignId;
            }
            model.addAttribute("errors", messages.describe(rejected));
            return addPage(me, campaignId, model);
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null || value instanceof List<?> list && list.isEmpty()) {
            throw new InvalidInputException(field, "customers.add.choose");
        }
        return value;
    }

    @GetMapping("/customers/imports/{id}")
    String importReport(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("job", customers.job(me.businessId(), id));
        return "customers/import";
    }

    /** The report's live part, polled by htmx while the import runs. */
    @GetMapping("/customers/imports/{id}/progress")
    String importProgress(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
        model.addAttribute("job", customers.job(me.businessId(), id));
        return "customers/import :: progress";
    }

    @GetMapping("/customers/duplicates")
    String duplicatesPage(@AuthenticationPrincipal CurrentUser me, @RequestParam long campaignId,
                          @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("campaign", campaigns.get(me.businessId(), campaignId));
        model.addAttribute("duplicates", duplicates.list(me.businessId(), campaignId, cursor));
        return "customers/duplicates";
    }

    @PostMapping("/customers/duplicates")
    String resolve(@AuthenticationPrincipal CurrentUser me, @RequestParam long campaignId,
                   @RequestParam Duplicates.Mode mode, @RequestParam(required = false) List<Long> keep,
                   RedirectAttributes redirect) {
        try {
            Duplicates.Resolution done = duplicates.resolve(me.businessId(), campaignId, mode, keep, new SecureRandom());
            redirect.addFlashAttribute("notice", messages.text("customers.duplicates.done", done.groups(),
                    done.removed(), done.kept()));
        } catch (InvalidInputException | ConflictException rejected) {
            redirect.addFlashAttribute("errors", messages.describe(rejected));
        }
        return "redirect:/customers/duplicates?campaignId=" + campaignId;
    }
}
