package dev.outdial.agent;

import dev.outdial.shared.Role;
import java.time.Instant;

/** A person who signs in to one business (the operator aside), as other modules see them. */
public record UserAccount(long id, Long businessId, String email, String name, Role role, boolean enabled,
                          Instant createdAt) {

}
