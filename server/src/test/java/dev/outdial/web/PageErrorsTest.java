package dev.outdial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.testing.Api;
import dev.outdial.testing.CampaignFixtures;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page that names an object by id answers 404 (or 400) for another business's object and
 * for one that does not exist, never 500. The routes come from Spring's own mapping table, so a
 * page added later is walked too.
 */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class PageErrorsTest {

    private static final long MISSING = 987_654_321L;
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    TestBusiness mine;
    MockHttpSession admin;
    MockHttpSession agent;
    /** Objects of another business, of the kinds the pages name most. */
    Set<Long> foreignIds = new TreeSet<>();

    @BeforeEach
    void twoBusinesses() throws Exception {
        TestBusiness theirs = api.newBusiness("theirs");
        CampaignFixtures fixtures = new CampaignFixtures(theirs);
        foreignIds.add(fixtures.create("Their campaign", "PREVIEW"));
        foreignIds.add(fixtures.hotlineId);
        foreignIds.add(fixtures.ivrId);
        foreignIds.add(fixtures.agent.id());
        foreignIds.add(theirs.admin().post("/api/v1/contacts", Map.of("name", "Their contact",
                "phones", List.of("0912345670"))).expect(201).id());

        mine = api.newBusiness("mine");
        TestBusiness.Person myAgent = mine.agent("walker");
        admin = signIn("admin@" + mine.domain(), "admin-password");
        agent = signIn(myAgent.email(), "person-password");
    }

    @Test
    void everyPageAnswersAForeignOrMissingObjectWith404Or400() throws Exception {
        List<Route> routes = pageRoutesNamingAnId();
        assertThat(routes).extracting(Route::pattern)
                .contains("/campaigns/{id}", "/campaigns/{id}/edit", "/contacts/{id}", "/settings/users/{id}/delete");

        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            for (long id : ids()) {
                MockHttpServletResponse response = mvc.perform(route.request(id)
                        .session(route.pattern().startsWith("/workspace") ? agent : admin)
                        .with(csrf()).accept("text/html")).andReturn().getResponse();
                if (response.getStatus() != 404 && response.getStatus() != 400) {
                    wrong.add(route.method() + " " + route.path(id) + " answered " + response.getStatus());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theNotFoundPageIsTranslatedAndABadFilterIsA400() throws Exception {
        String english = mvc.perform(get("/campaigns/" + MISSING).session(admin).accept("text/html"))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Page not found").doesNotContain("Something went wrong");
        String vietnamese = mvc.perform(get("/campaigns/" + MISSING).param("lang", "vi").session(admin)
                .accept("text/html")).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(vietnamese).contains("Không tìm thấy trang");

        mvc.perform(get("/customers").param("status", "FOO").session(admin).accept("text/html"))
                .andExpect(status().isBadRequest());
    }

    private List<Long> ids() {
        List<Long> ids = new ArrayList<>(foreignIds);
        ids.add(MISSING);
        return ids;
    }

    /** Page routes (not the API's, not the error page, not the operator's) with an id in their path or parameters. */
    private List<Route> pageRoutesNamingAnId() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)
                    || entry.getKey().getPathPatternsCondition() == null) {
                continue;
            }
            Collection<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/error") || pattern.startsWith("/operator") || pattern.startsWith("/api")) {
                    continue;
                }
                Route route = new Route(methods.isEmpty() ? "GET" : methods.iterator().next().name(), pattern, handler);
                if (route.namesAnId()) {
                    routes.add(route);
                }
            }
        }
        return routes;
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** One mapped path of a page handler, with each id slot filled by the id under test. */
    private record Route(String method, String pattern, HandlerMethod handler) {

        boolean namesAnId() {
            Set<String> inPath = new TreeSet<>();
            Matcher variables = VARIABLE.matcher(pattern);
            while (variables.find()) {
                inPath.add(variables.group(1));
            }
            for (MethodParameter parameter : parameters()) {
                PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
                boolean idInPath = variable != null && isNumber(parameter) && inPath.contains(
                        name(parameter, variable.name().isEmpty() ? variable.value() : variable.name()));
                if (idInPath || isIdParameter(parameter)) {
                    return true;
                }
            }
            return false;
        }

        String path(long id) {
            Matcher variables = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (variables.find()) {
                variables.appendReplacement(path, Matcher.quoteReplacement(valueOf(variables.group(1), id)));
            }
            return variables.appendTail(path).toString();
        }

        MockHttpServletRequestBuilder request(long id) {
            MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .request(HttpMethod.valueOf(method), path(id));
            for (MethodParameter parameter : parameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param == null) {
                    continue;
                }
                String name = name(parameter, param.name().isEmpty() ? param.value() : param.name());
                if (isIdParameter(parameter)) {
                    request.param(name, String.valueOf(id));
                } else if (parameter.getParameterType().isEnum() || param.required()
                        && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
                    String value = sample(parameter.getParameterType());
                    if (value != null) {
                        request.param(name, value);
                    }
                }
            }
            return request;
        }

        private String valueOf(String variable, long id) {
            for (MethodParameter parameter : parameters()) {
                PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
                if (annotation != null && variable.equals(name(parameter,
                        annotation.name().isEmpty() ? annotation.value() : annotation.name()))) {
                    return isNumber(parameter) ? String.valueOf(id) : String.valueOf(sample(parameter.getParameterType()));
                }
            }
            return "x";
        }

        private List<MethodParameter> parameters() {
            List<MethodParameter> parameters = new ArrayList<>();
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                parameters.add(parameter);
            }
            return parameters;
        }

        private static boolean isIdParameter(MethodParameter parameter) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null || !isNumber(parameter)) {
                return false;
            }
            String name = name(parameter, param.name().isEmpty() ? param.value() : param.name());
            return name.equals("id") || name.endsWith("Id");
        }

        private static boolean isNumber(MethodParameter parameter) {
            Class<?> type = parameter.getParameterType();
            return type == long.class || type == Long.class || type == int.class || type == Integer.class;
        }

        private static String name(MethodParameter parameter, String declared) {
            return declared.isEmpty() ? parameter.getParameterName() : declared;
        }

        private static String sample(Class<?> type) {
            if (type.isEnum()) {
                return ((Enum<?>) type.getEnumConstants()[0]).name();
            }
            if (type == boolean.class || type == Boolean.class) {
                return "true";
            }
            if (type == String.class) {
                return "x";
            }
            if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
                return "1";
            }
            return null;
        }
    }
}
