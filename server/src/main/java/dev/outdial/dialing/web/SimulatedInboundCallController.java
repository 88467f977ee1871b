package dev.outdial.dialing.web;

import dev.outdial.dialing.SimulatedInboundCall;
import dev.outdial.dialing.SimulatedInboundCalls;
import dev.outdial.shared.CurrentUser;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admin has the simulated carrier ring a queue: how auto callback is tried without a phone line. */
@RestController
class SimulatedInboundCallController {

    private final SimulatedInboundCalls calls;

    SimulatedInboundCallController(SimulatedInboundCalls calls) {
        this.calls = calls;
    }

    @PostMapping("/api/v1/sim/inbound-calls")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, String> call(@AuthenticationPrincipal CurrentUser me, @RequestBody SimulatedInboundCall call) {
        return Map.of("id", calls.call(me.businessId(), call));
    }
}
