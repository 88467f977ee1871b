package dev.outdial.campaign.web;

import dev.outdial.agent.AgentGroups;
import dev.outdial.agent.UserAccounts;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignAction;
import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.CampaignSetting;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.HotlineRotation;
import dev.outdial.campaign.IvrCatalog;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.campaign.settings.Hotlines;
import dev.outdial.campaign.settings.Scripts;
import dev.outdial.campaign.settings.WorkingHoursSchedules;
import dev.outdial.contact.ContactChoices;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.DialType;
import dev.outdial.media.AudioFiles;
import dev.outdial.shared.BusinessTimeZones;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.Role;
import dev.outdial.web.PageMessages;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign pages: the list with filters, the create wizard in the manual's order (dial type,
 * settings, customers, agents, review), the details with the lifecycle buttons the role may use,
 * and the edit form. They call the same {@link Campaigns} as the API.
 */
@Controller
class CampaignPages {

    private final Campaigns campaigns;
    private final BusinessTimeZones zones;
    private final UserAccounts users;
    private final AgentGroups groups;
    private final Hotlines hotlines;
    private final WorkingHoursSchedules workingHours;
    private final Scripts scripts;
    private final AudioFiles audio;
    private final List<IvrCatalog> ivrs;
    private final CallClassifications classifications;
    private final PageMessages messages;
    private final ContactChoices contactChoices;

    CampaignPages(ContactChoices contactChoices, Campaigns campaigns, BusinessTimeZones zones, UserAccounts users, AgentGroups groups,
                  Hotlines hotlines, WorkingHoursSchedules workingHours, Scripts scripts,
                  CallClassifications classifications, AudioFiles audio, List<IvrCatalog> ivrs, PageMessages messages) {
        this.campaigns = campaigns;
        this.audio = audio;
        this.ivrs = ivrs;
        this.zones = zones;
        this.users = users;
        this.groups = groups;
        this.hotlines = hotlines;
        this.workingHours = workingHours;
        this.scripts = scripts;
        this.classifications = classifications;
        this.messages = messages;
        this.contactChoices = contactChoices;
    }

    @GetMapping("/campaigns")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) String name,
                @RequestParam(required = false) CampaignStatus status,
                @RequestParam(required = false) DialType dialMode, Model model) {
        model.addAttribute("campaigns", campaigns.list(me.businessId(), name, status, dialMode));
        model.addAttribute("statuses", CampaignStatus.values());
        model.addAttribute("dialModes", DialType.values());
        model.addAttribute("filterName", name);
        model.addAttribute("filterStatus", status);
        model.addAttribute("filterDialMode", dialMode);
        return "campaigns/list";
    }

    @GetMapping("/campaigns/new")
    @PreAuthorize("hasRole('ADMIN')")
    String wizard(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) DialType dialMode,
                  Model model) {
        if (dialMode == null) {
            model.addAttribute("dialModes", DialType.values());
            return "campaigns/choose-mode";
        }
        CampaignForm form = new CampaignForm();
        form.setDialMode(dialMode);
        ZonedDateTime tomorrow = ZonedDateTime.now(zones.zoneOf(me.businessId())).plusDays(1)
                .withHour(8).truncatedTo(ChronoUnit.HOURS);
        form.setStartTime(tomorrow.toLocalDateTime());
        form.setEndTime(tomorrow.plusDays(30).withHour(18).toLocalDateTime());
        // Required fields come filled with the obvious choice: the first schedule, the built-in
        // classification of the same meaning for each technical result.
        workingHours.list(me.businessId()).stream().findFirst().ifPresent(first -> form.setWorkingHoursId(first.id()));
        form.setClassificationMapping(new LinkedHashMap<>(classifications.defaultMapping(me.businessId())));
        return wizardPage(me, form, model);
    }

    /**
     * Creates the campaign; when the customers step chose a source, the same request (with its
     * file) goes on to the customer module's "Add customers", which owns adding them.
     */
    @PostMapping("/campaigns")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@AuthenticationPrincipal CurrentUser me, @ModelAttribute("form") CampaignForm form,
                  @RequestParam(defaultValue = "NONE") String customerSource, Model model, RedirectAttributes redirect) {
        try {
            Campaign created = campaigns.create(me.businessId(), me.id(), form.toSettings(zone(me)));
            redirect.addFlashAttribute("notice", messages.text("campaigns.created", created.name()));
            if (!"NONE".equals(customerSource)) {
                return "forward:/customers/add?then=campaign&campaignId=" + created.id();
            }
            return "redirect:/campaigns/" + created.id();
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            return wizardPage(me, form, model);
        }
    }

    @GetMapping("/campaigns/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String details(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
        Campaign campaign = campaigns.get(me.businessId(), id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("history", campaigns.history(me.businessId(), id));
        model.addAttribute("actions", buttonsFor(me, campaign));
        addOptions(me, campaign.dialMode(), model);
        return "campaigns/details";
    }

    /** The details page's head (status, toggle, buttons), which the page fetches again to follow the status. */
    @GetMapping("/campaigns/{id}/head")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String head(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
        Campaign campaign = campaigns.get(me.businessId(), id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("actions", buttonsFor(me, campaign));
        return "campaigns/details :: head";
    }

    @GetMapping("/campaigns/{id}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, Model model) {
        Campaign campaign = campaigns.get(me.businessId(), id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", CampaignForm.of(campaign.settings()));
        addOptions(me, campaign.dialMode(), model);
        return "campaigns/edit";
    }

    @PostMapping("/campaigns/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                  @ModelAttribute("form") CampaignForm form, Model model, RedirectAttributes redirect) {
        Campaign current = campaigns.get(me.businessId(), id);
        form.setDialMode(current.dialMode());
        try {
            Campaign saved = campaigns.update(me.businessId(), me.id(), id, form.toSettings(zone(me)));
            redirect.addFlashAttribute("notice", messages.text("campaigns.saved", saved.name()));
            return "redirect:/campaigns/" + id;
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            model.addAttribute("campaign", current);
            addOptions(me, current.dialMode(), model);
            return "campaigns/edit";
        }
    }

    @PostMapping("/campaigns/{id}/actions/{action}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String act(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @PathVariable String action,
               RedirectAttributes redirect) {
        CampaignAction requested = Arrays.stream(CampaignAction.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(action)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!actionsFor(me, null).contains(requested)) {
            throw new AccessDeniedException("The role may not " + action + " a campaign");
        }
        try {
            Campaign moved = campaigns.act(me.businessId(), me.id(), id, requested);
            redirect.addFlashAttribute("notice", messages.text("campaigns.action-done", moved.name(),
                    messages.text("campaign-status." + moved.status())));
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("errors", messages.describe(refused));
        }
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            campaigns.delete(me.businessId(), id);
            redirect.addFlashAttribute("notice", messages.text("campaigns.deleted"));
            return "redirect:/campaigns";
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("errors", messages.describe(refused));
            return "redirect:/campaigns/" + id;
        }
    }

    private String wizardPage(CurrentUser me, CampaignForm form, Model model) {
        model.addAttribute("form", form);
        addOptions(me, form.getDialMode(), model);
        model.addAttribute("choices", contactChoices.of(me.businessId()));
        model.addAttribute("now", ZonedDateTime.now(zone(me)).truncatedTo(ChronoUnit.MINUTES).toLocalDateTime());
        return "campaigns/wizard";
    }

    /** The lifecycle buttons of the details page: pause and resume are the active/passive toggle. */
    private static List<CampaignAction> buttonsFor(CurrentUser me, Campaign campaign) {
        return actionsFor(me, campaign.status()).stream()
                .filter(action -> action != CampaignAction.PAUSE && action != CampaignAction.RESUME).toList();
    }

    /** Which lifecycle buttons a role sees, among those the status allows (null: any status). */
    private static List<CampaignAction> actionsFor(CurrentUser me, CampaignStatus status) {
        List<CampaignAction> mayUse = me.is(Role.ADMIN)
                ? List.of(CampaignAction.APPROVE, CampaignAction.START, CampaignAction.PAUSE, CampaignAction.RESUME,
                        CampaignAction.STOP)
                : List.of(CampaignAction.PAUSE, CampaignAction.RESUME);
        return status == null ? mayUse : mayUse.stream().filter(action -> action.allowedFrom(status)).toList();
    }

    private void addOptions(CurrentUser me, DialType mode, Model model) {
        long business = me.businessId();
        Map<String, Boolean> applies = new LinkedHashMap<>();
        for (CampaignSetting setting : CampaignSetting.values()) {
            applies.put(setting.field(), setting.appliesTo(mode));
        }
        model.addAttribute("applies", applies);
        model.addAttribute("hotlines", hotlines.list(business));
        model.addAttribute("hotlineGroups", hotlines.groups(business));
        model.addAttribute("rotations", HotlineRotation.values());
        model.addAttribute("schedules", workingHours.list(business));
        model.addAttribute("scripts", scripts.list(business));
        model.addAttribute("audioFiles", audio.list(business));
        model.addAttribute("ivrs", ivrs.stream().flatMap(catalog -> catalog.choices(business).stream()).toList());
        model.addAttribute("classifications", classifications.list(business));
        // Reached calls are classified by the agent; the admin maps only the system's results.
        model.addAttribute("technicalResults", Arrays.stream(CallResult.values())
                .filter(result -> !result.isReached()).map(Enum::name).toList());
        model.addAttribute("agents", users.list(business, Role.AGENT));
        model.addAttribute("agentGroups", groups.list(business));
        model.addAttribute("zone", zone(me));
    }

    private ZoneId zone(CurrentUser me) {
        return zones.zoneOf(me.businessId());
    }
}
