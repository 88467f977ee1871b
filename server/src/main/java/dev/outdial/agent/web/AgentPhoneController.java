package dev.outdial.agent.web;

import dev.outdial.agent.AgentPhone;
import dev.outdial.agent.AgentPhoneAccounts;
import dev.outdial.shared.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An agent's SIP phone account (issue 12): admins set, read (never the password) and remove it. */
@RestController
@RequestMapping("/api/v1/users/{id}/phone")
@PreAuthorize("hasRole('ADMIN')")
class AgentPhoneController {

    private final AgentPhoneAccounts phones;

    AgentPhoneController(AgentPhoneAccounts phones) {
        this.phones = phones;
    }

    @GetMapping
    AgentPhone get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return phones.get(me.businessId(), id);
    }

    @PutMapping
    AgentPhone set(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                   @RequestBody AgentPhoneAccounts.PhoneCredentials credentials) {
        return phones.set(me.businessId(), id, credentials);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        phones.remove(me.businessId(), id);
    }
}
