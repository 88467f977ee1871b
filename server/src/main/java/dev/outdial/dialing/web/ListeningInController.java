package dev.outdial.dialing.web;

import dev.outdial.dialing.ListeningIn;
import dev.outdial.shared.CurrentUser;
import dev.outdial.sip.ListeningMode;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Listening in under the API: an admin or supervisor has their phone rung to listen in on a call. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class ListeningInController {

    private final ListeningIn listening;

    ListeningInController(ListeningIn listening) {
        this.listening = listening;
    }

    /**
     * Rings the caller's own phone; once answered it hears both sides of the call until it ends (202). {@code mode}
     * says who hears the phone: nobody ({@code LISTEN}, the default), the call's agent alone ({@code COACH}) or both
     * sides ({@code BARGE}); the phone's keys 1, 2 and 3 change it during the call, and so does asking again while
     * listening in ({@code rung} false: the phone is not rung again). {@code coach=true} is the older way to ask for
     * {@code COACH}.
     */
    @PostMapping("/api/v1/calls/{callId}/listen")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ListeningIn.Listening listen(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId,
                     @RequestParam(required = false) ListeningMode mode,
                     @Parameter(deprecated = true) @RequestParam(defaultValue = "false") boolean coach) {
        return listening.listen(me, callId, ListeningIn.modeAsked(mode, coach));
    }
}
