package dev.outdial.call.web;

import dev.outdial.call.CallActivities;
import dev.outdial.call.CallActivity;
import dev.outdial.call.CallRecords;
import dev.outdial.call.CallView;
import dev.outdial.call.ExportedCall;
import dev.outdial.shared.BusinessTimeZones;
import dev.outdial.shared.CurrentUser;
import dev.outdial.tabular.Export;
import dev.outdial.tabular.ExportFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Call records under the API: a campaign's calls ({@code ?active=true}: those not yet ended) and one call. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
class CallController {

    private final CallRecords calls;
    private final CallActivities activities;
    private final BusinessTimeZones zones;
    private final MessageSource messages;

    CallController(CallRecords calls, CallActivities activities, BusinessTimeZones zones, MessageSource messages) {
        this.calls = calls;
        this.activities = activities;
        this.zones = zones;
        this.messages = messages;
    }

    /**
     * Every call of the campaign, every column, as CSV or .xlsx, streamed; admins and supervisors
     * only. Also the campaign page's export button (same path without {@code /api/v1}).
     */
    @GetMapping({"/api/v1/campaigns/{campaignId}/calls/export", "/campaigns/{campaignId}/calls/export"})
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                                                 @RequestParam(required = false) String format) {
        ExportFormat chosen = ExportFormat.of(format);
        Locale locale = LocaleContextHolder.getLocale();
        var columns = CallExportColumns.all(key -> messages.getMessage("export.call." + key, null, key, locale));
        return Export.of(chosen, "calls-" + campaignId, zones.zoneOf(me.businessId()), () -> columns,
                calls.export(me.businessId(), campaignId));
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/calls")
    List<CallView> ofCampaign(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                              @RequestParam(defaultValue = "false") boolean active) {
        return calls.ofCampaign(me, campaignId, active);
    }

    /** The campaign's calls to one number ({@code ?number=}, E.164 or typed any usual way), newest first. */
    @GetMapping(value = "/api/v1/campaigns/{campaignId}/calls", params = "number")
    List<CallView> toNumber(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                            @RequestParam String number) {
        return calls.toNumber(me, campaignId, number).stream().map(ExportedCall::call).toList();
    }

    @GetMapping("/api/v1/calls/{callId}")
    CallView get(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId) {
        return calls.get(me, callId);
    }

    /**
     * What was done on a call while it was up, a campaign's call or a queue call: holds (with the hold time in all),
     * recording pauses, supervisors listening in. An agent sees their own calls only, without the listening.
     */
    @GetMapping("/api/v1/calls/{callId}/activity")
    CallActivity activity(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId) {
        return activities.of(me, callId);
    }
}
