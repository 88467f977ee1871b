package dev.outdial.dialing.web;

import dev.outdial.dialing.SimulatedAgentSeats;
import dev.outdial.dialing.SimulatedSeating;
import dev.outdial.shared.CurrentUser;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The admin seats bots in a running campaign on the simulated carrier: how a node is load-tested without people. */
@RestController
class SimulatedAgentController {

    private final SimulatedAgentSeats seats;

    SimulatedAgentController(SimulatedAgentSeats seats) {
        this.seats = seats;
    }

    @PostMapping("/api/v1/sim/agents")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Integer> seat(@AuthenticationPrincipal CurrentUser me, @RequestBody SimulatedSeating seating) {
        return Map.of("seated", seats.seatAll(me.businessId(), seating));
    }
}
