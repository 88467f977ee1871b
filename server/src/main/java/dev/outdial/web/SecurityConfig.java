package dev.outdial.web;

import dev.outdial.shared.Role;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;
import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Two doors. The API ({@code /api/**} and the actuator) is stateless HTTP Basic with problem
 * details for 401/403 and no CSRF (no cookie ever authenticates it). The pages use a form login
 * with a session, so they carry CSRF tokens.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private static final String REALM = "Outdial";
    /**
     * Scripts and styles only from files of this server: no inline script, handler or style
     * (templates ask for behaviour with data attributes, see js/page-actions.js), no eval.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder(@Value("${outdial.security.bcrypt-strength:10}") int strength) {
        return new VerifiedPasswordCache(new BCryptPasswordEncoder(strength), Duration.ofMinutes(5), 10_000);
    }

    @Bean
    SignInThrottle signInThrottle(Clock clock,
            @Value("${outdial.security.sign-in.free-failures-per-account:5}") int freePerAccount,
            @Value("${outdial.security.sign-in.free-failures-per-address:20}") int freePerAddress,
            @Value("${outdial.security.sign-in.first-lock:1s}") Duration firstLock) {
        return new SignInThrottle(clock, freePerAccount, freePerAddress, firstLock);
    }

    @Bean
    SignInEvents signInEvents(SignInThrottle throttle) {
        return new SignInEvents(throttle);
    }

    /** One guard for both chains; not a servlet filter of its own, only a link of each chain. */
    @Bean
    UploadGuard uploadGuard(ProblemResponses problems,
            @Value("${outdial.uploads.max-file-size:50MB}") DataSize importLimit,
            @Value("${outdial.audio.max-file-size:10MB}") DataSize audioLimit,
            @Value("${outdial.uploads.max-concurrent-per-business:2}") int perBusiness) {
        return new UploadGuard(problems, importLimit, audioLimit, perBusiness);
    }

    /** Spring Boot would also run every filter bean ahead of security, where no one is signed in yet. */
    @Bean
    FilterRegistrationBean<UploadGuard> uploadGuardOutsideTheChains(UploadGuard guard) {
        FilterRegistrationBean<UploadGuard> registration = new FilterRegistrationBean<>(guard);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemResponses problems, UploadGuard uploads,
                                 SignInThrottle throttle) throws Exception {
        RequestMatcher api = new OrRequestMatcher(pathPattern("/api/**"), EndpointRequest.toAnyEndpoint());
        http.securityMatcher(api)
                .addFilterBefore(new SignInThrottleFilter(throttle, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(uploads, BasicAuthenticationFilter.class)
                // Same order as the guard, added after it: filters of equal order keep the order they were added in.
                .addFilterAfter(new RejectedUploadFilter(problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        // Platform-wide: every business's series. An admin scrapes /api/v1/metrics.
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.OPERATOR.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic
                        .realmName(REALM)
                        .authenticationEntryPoint(problems.unauthorized(REALM)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthorized(REALM))
                        .accessDeniedHandler(problems.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfig::headers)
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, UserDetailsService users, UploadGuard uploads,
                                  SignInThrottle throttle, ProblemResponses problems) throws Exception {
        // After the CSRF check, so a stale session's form post is sent to sign in, not refused 403.
        http.addFilterAfter(new StaleSessionFilter(users), CsrfFilter.class)
                // Before it: the CSRF check reads the form, which would read a whole upload first.
                .addFilterBefore(uploads, CsrfFilter.class)
                // Then a form past the container's limits is answered with the friendly page, not Tomcat's.
                .addFilterBefore(new RejectedUploadFilter(problems), CsrfFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle, problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/operator/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/settings/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/workspace/**").hasRole(Role.AGENT.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(SecurityConfig::headers);
        return http.build();
    }

    /** Both doors send the same headers; Spring Security's defaults (nosniff, frame denial, HSTS over TLS) stay. */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }
}
