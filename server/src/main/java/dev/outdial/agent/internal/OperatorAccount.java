package dev.outdial.agent.internal;

import dev.outdial.shared.Role;
import dev.outdial.shared.StartupNotes;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The platform operator's account, made on first start. Its password comes from
 * {@code OUTDIAL_OPERATOR_PASSWORD}; without it a random one is printed, once. Setting the
 * variable later resets the password, which is how an operator who lost it gets back in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperatorAccount implements ApplicationRunner {

    static final String USERNAME = "operator";
    private static final Logger log = LoggerFactory.getLogger(OperatorAccount.class);

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final String configuredPassword;
    private final StartupNotes notes;

    OperatorAccount(UserRepository users, PasswordEncoder passwords, Clock clock,
                    @Value("${outdial.operator.password:}") String configuredPassword, StartupNotes notes) {
        this.notes = notes;
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        var existing = users.credentials(USERNAME);
        if (existing.isPresent()) {
            if (!configuredPassword.isBlank() && !passwords.matches(configuredPassword, existing.get().passwordHash())) {
                users.updatePassword(existing.get().account().id(), passwords.encode(configuredPassword));
                log.info("Operator password reset from OUTDIAL_OPERATOR_PASSWORD");
            }
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        try {
            users.insert(null, USERNAME, "Platform operator", passwords.encode(password), Role.OPERATOR, true,
                    clock.instant());
        } catch (DuplicateKeyException anotherNodeWasFaster) {
            return;
        }
        if (generated) {
            log.info("Operator account '{}' created with a generated password (shown when the server is ready)", USERNAME);
            notes.add("Platform operator (creates businesses at /operator/businesses):", List.of(
                    "user " + USERNAME + "   password " + password,
                    "This password is shown only once. Set OUTDIAL_OPERATOR_PASSWORD to choose one."));
        } else {
            log.info("Operator account '{}' created from OUTDIAL_OPERATOR_PASSWORD", USERNAME);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
