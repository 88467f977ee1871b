package dev.outdial.dialing.web;

import dev.outdial.dialing.DialingStates;
import dev.outdial.shared.CurrentUser;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "The UI shows why it is not dialing" (SPEC §4.2): the card the campaign's details page loads
 * into itself and refreshes (the campaign module cannot depend on this one, which depends on it).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class DialingStateController {

    private final DialingStates states;

    DialingStateController(DialingStates states) {
        this.states = states;
    }

    @GetMapping("/campaigns/{campaignId}/dialing-state")
    String card(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId, Locale locale, Model model) {
        model.addAttribute("dialing", states.of(me.businessId(), campaignId, locale));
        return "campaigns/dialing-state :: state";
    }
}
