package dev.outdial.dialing.web;

import dev.outdial.dialing.DialingState;
import dev.outdial.dialing.DialingStates;
import dev.outdial.shared.CurrentUser;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** "The UI shows why it is not dialing" (SPEC §4.2), under the API: whether it dials, or the reason it does not. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class DialingStateApiController {

    private final DialingStates states;

    DialingStateApiController(DialingStates states) {
        this.states = states;
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/dialing")
    DialingState state(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId, Locale locale) {
        return states.of(me.businessId(), campaignId, locale);
    }
}
