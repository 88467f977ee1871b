package dev.outdial.agent;

import dev.outdial.shared.Role;
import java.time.Instant;

/** A person who signs in to one business (the operator aside), as other modules see them. */
public record UserAccount(long id, Long businessId, String email, String name, Role role, boolean enabled,
                          Instant createdAt) {

    /**
     * The account as a supervisor sees it: who the person is and their role, not the address
     * they sign in with, which a supervisor has no use for (SPEC §1: no users, no settings).
     */
    public UserAccount withoutEmail() {
        return new UserAccount(id, businessId, null, name, role, enabled, createdAt);
    }
}
