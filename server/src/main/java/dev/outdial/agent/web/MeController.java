package dev.outdial.agent.web;

import dev.outdial.agent.UserAccounts;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, and my own password: for every signed-in user, the operator included. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final UserAccounts users;

    MeController(UserAccounts users) {
        this.users = users;
    }

    record Me(long id, String username, String name, Role role, Long businessId) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @GetMapping
    Me me(@AuthenticationPrincipal CurrentUser me) {
        return new Me(me.id(), me.getUsername(), me.name(), me.role(), me.role().belongsToABusiness() ? me.businessId() : null);
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal CurrentUser me, @RequestBody PasswordChange change) {
        users.changeOwnPassword(me.getUsername(), change.currentPassword(), change.newPassword());
    }
}
