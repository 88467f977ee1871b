package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The pages: form login with CSRF, navigation by role, both languages. */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class PagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("pages");
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(
                org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
    }

    @Test
    void signingInWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "admin@" + business.domain()).param("password", "admin-password"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdminSignsInAndSeesTheSettings() throws Exception {
        MockHttpSession session = signIn("admin@" + business.domain(), "admin-password");

        String home = mvc.perform(get("/").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("/settings/users").contains("/campaigns").doesNotContain("/workspace");

        String users = mvc.perform(get("/settings/users").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(users).contains("admin@" + business.domain());
    }

    @Test
    void anAgentSeesTheWorkspaceAndNotTheSettings() throws Exception {
        TestBusiness.Person agent = business.agent("pager");
        MockHttpSession session = signIn(agent.email(), "person-password");

        String home = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("/workspace").doesNotContain("/settings/users");
        mvc.perform(get("/settings/users").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void theLanguageSwitchRemembersVietnamese() throws Exception {
        var switched = mvc.perform(get("/login").param("lang", "vi")).andExpect(status().isOk()).andReturn();
        assertThat(switched.getResponse().getContentAsString()).contains("Đăng nhập").contains("Mật khẩu");

        Cookie remembered = switched.getResponse().getCookie("outdial-lang");
        assertThat(remembered).isNotNull();
        String again = mvc.perform(get("/login").cookie(remembered)).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("Đăng nhập");
    }

    @Test
    void aMissingPageIsAFriendlyErrorWithoutInternals() throws Exception {
        MockHttpSession session = signIn("admin@" + business.domain(), "admin-password");

        var response = mvc.perform(get("/no-such-page").session(session).accept("text/html")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
