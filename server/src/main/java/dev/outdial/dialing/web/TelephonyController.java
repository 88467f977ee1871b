package dev.outdial.dialing.web;

import dev.outdial.dialing.TelephonyStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The node's telephony for admins: the mode and, with real calls, the carrier trunk's health. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class TelephonyController {

    private final TelephonyStatus status;

    TelephonyController(TelephonyStatus status) {
        this.status = status;
    }

    @GetMapping("/api/v1/telephony")
    TelephonyStatus.View telephony() {
        return status.view();
    }
}
