package dev.outdial.agent.web;

import dev.outdial.agent.UserAccount;
import dev.outdial.agent.UserAccounts;
import dev.outdial.agent.UserDraft;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.Role;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The business's users: admins manage them, supervisors may look them up. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserAccounts users;

    UserController(UserAccounts users) {
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    UserAccount create(@AuthenticationPrincipal CurrentUser me, @RequestBody UserDraft draft) {
        return users.create(me.businessId(), draft);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<UserAccount> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Role role) {
        return users.list(me.businessId(), role).stream().map(account -> asSeenBy(me, account)).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    UserAccount get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return asSeenBy(me, users.get(me.businessId(), id));
    }

    /** Supervisors see the people (for reports and assignments), admins also their sign-in addresses. */
    private static UserAccount asSeenBy(CurrentUser me, UserAccount account) {
        return me.is(Role.ADMIN) ? account : account.withoutEmail();
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    UserAccount update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody UserDraft changes) {
        return users.update(me.businessId(), id, changes);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        users.delete(me.businessId(), me.id(), id);
    }
}
