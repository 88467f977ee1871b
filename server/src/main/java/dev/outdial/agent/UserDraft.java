package dev.outdial.agent;

import dev.outdial.shared.Role;

/**
 * What an admin types to create or change a user. On a change, a {@code null} field keeps its
 * value; the password is only ever stored hashed.
 */
public record UserDraft(String email, String name, String password, Role role, Boolean enabled) {
}
