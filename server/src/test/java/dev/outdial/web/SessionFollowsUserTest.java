package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A page session acts as its user is now, not as they were at sign-in: another admin deleting,
 * disabling, demoting the user or changing their password ends the session they already hold.
 */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class SessionFollowsUserTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    TestBusiness business;
    TestBusiness.Person victim;
    MockHttpSession victimSession;
    MockHttpSession victimOtherSession;

    @BeforeEach
    void anAdminSignedInOnThePages() throws Exception {
        business = api.newBusiness("sessions");
        victim = business.person("ADMIN", "victim");
        victimSession = signIn(victim.email(), "person-password");
        victimOtherSession = signIn(victim.email(), "person-password");
        mvc.perform(get("/settings/users").session(victimSession)).andExpect(status().isOk());
        mvc.perform(get("/settings/users").session(victimOtherSession)).andExpect(status().isOk());
    }

    @Test
    void deletingTheUserEndsTheirSession() throws Exception {
        business.admin().delete("/api/v1/users/" + victim.id()).expect(204);

        assertSessionRefused();
    }

    @Test
    void disablingTheUserEndsTheirSession() throws Exception {
        change(user -> user.put("enabled", false));

        assertSessionRefused();
    }

    @Test
    void demotingTheUserEndsTheirSession() throws Exception {
        change(user -> user.put("role", "AGENT"));

        assertSessionRefused();
    }

    @Test
    void changingThePasswordEndsTheSessionAndTheNewPasswordSignsIn() throws Exception {
        change(user -> user.put("password", "a-brand-new-password"));

        assertSessionRefused();
        MockHttpSession fresh = signIn(victim.email(), "a-brand-new-password");
        mvc.perform(get("/settings/users").session(fresh)).andExpect(status().isOk());
    }

    @Test
    void renamingTheUserKeepsTheirSession() throws Exception {
        change(user -> user.put("name", "Victim renamed"));

        mvc.perform(get("/settings/users").session(victimSession)).andExpect(status().isOk());
        mvc.perform(post("/settings/users").session(victimOtherSession).with(csrf())
                        .param("email", "colleague@" + business.domain()).param("name", "Colleague")
                        .param("password", "colleague-password").param("role", "AGENT"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings/users"));
    }

    private void change(Consumer<Map<String, Object>> edit) {
        Map<String, Object> user = new java.util.HashMap<>();
        edit.accept(user);
        business.admin().put("/api/v1/users/" + victim.id(), user).expect(200);
    }

    /** The old cookie and its CSRF token no longer act: the page sends to sign in, the form creates nothing. */
    private void assertSessionRefused() throws Exception {
        mvc.perform(get("/settings/users").session(victimSession))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/settings/users").session(victimOtherSession).with(csrf())
                        .param("email", "intruder@" + business.domain()).param("name", "Intruder")
                        .param("password", "intruder-password").param("role", "ADMIN"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        String users = business.admin().get("/api/v1/users").expect(200).body();
        assertThat(users).doesNotContain("intruder@");
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
