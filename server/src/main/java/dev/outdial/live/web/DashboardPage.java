package dev.outdial.live.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The business's live dashboard; its figures arrive over {@code /dashboard/stream}. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class DashboardPage {

    @GetMapping("/dashboard")
    String dashboard() {
        return "live/dashboard";
    }
}
