package dev.outdial.agent.internal;

import dev.outdial.agent.UserAccount;
import dev.outdial.shared.CurrentUser;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs people in by e-mail (or "operator") for both the pages and the API. */
@Service
class UserAccountDetailsService implements UserDetailsService {

    private final UserRepository users;

    UserAccountDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        UserRepository.Credentials credentials = users.credentials(key)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        UserAccount account = credentials.account();
        return new CurrentUser(account.id(), account.businessId(), account.email(), account.name(), account.role(),
                account.enabled(), credentials.passwordHash(), credentials.sessionStamp());
    }
}
