package dev.outdial.web;

import dev.outdial.shared.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session holds the user as they were at sign-in. Each request of a session reads the user
 * again (one indexed query) and ends the session when they are gone, disabled, or their session
 * stamp moved on (role, e-mail or password changed): the request then goes on anonymous, so pages
 * send it to the sign-in page. The stamp lives in the database, so this holds on every node.
 */
final class StaleSessionFilter extends OncePerRequestFilter {

    private final UserDetailsService users;

    StaleSessionFilter(UserDetailsService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser signedIn
                && !stillStands(signedIn)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean stillStands(CurrentUser signedIn) {
        UserDetails now;
        try {
            now = users.loadUserByUsername(signedIn.getUsername());
        } catch (UsernameNotFoundException gone) {
            return false;
        }
        return now instanceof CurrentUser current && current.id() == signedIn.id() && current.isEnabled()
                && current.role() == signedIn.role() && current.sessionStamp() == signedIn.sessionStamp();
    }
}
