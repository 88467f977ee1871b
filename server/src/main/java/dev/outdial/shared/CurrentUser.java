package dev.outdial.shared;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as every module sees it: who they are, which business they act for and in
 * which role. Controllers take it with {@code @AuthenticationPrincipal} and pass the business id
 * to every query, which is how one business's data stays invisible to another.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final Long businessId;
    private final String username;
    private final String name;
    private final Role role;
    private final boolean enabled;
    private final int sessionStamp;
    private String passwordHash;

    public CurrentUser(long id, Long businessId, String username, String name, Role role,
                       boolean enabled, String passwordHash, int sessionStamp) {
        this.id = id;
        this.businessId = businessId;
        this.username = Objects.requireNonNull(username);
        this.name = name;
        this.role = Objects.requireNonNull(role);
        this.enabled = enabled;
        this.passwordHash = passwordHash;
        this.sessionStamp = sessionStamp;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    /**
     * Moves on whenever the user is disabled or their role, e-mail or password changes: a page
     * session signed in under an older stamp no longer speaks for them.
     */
    public int sessionStamp() {
        return sessionStamp;
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /**
     * The business this user acts for. The operator has none: asking for it is a programming
     * error in an endpoint that forgot to restrict itself to business roles, so it is denied.
     */
    public long businessId() {
        if (businessId == null) {
            throw new AccessDeniedException("The platform operator sees no business data");
        }
        return businessId;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentUser that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "CurrentUser[" + id + ", " + username + ", " + role + "]";
    }
}
