package dev.outdial.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The customer warehouse and blocked-number pages, in both languages, for the roles that use them. */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class CustomerPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    TestBusiness business;
    MockHttpSession admin;

    @BeforeEach
    void anAdminSignedIn() throws Exception {
        business = api.newBusiness("customer-pages");
        admin = signIn("admin@" + business.domain(), "admin-password");
    }

    @Test
    void theNavigationLeadsAdminsToContactsAndBlockedNumbers() throws Exception {
        assertThat(page("/")).contains("/contacts").contains("/compliance/blacklist");
    }

    @Test
    void aContactMadeInTheFormWithSeveralPhonesAndAFieldIsListed() throws Exception {
        mvc.perform(post("/contacts").session(admin).with(csrf()).param("name", "Nguyễn Văn An").param("accountManagerId", "")
                        .param("phones", "0912 345 678", "", "+84 98-765-4321")
                        .param("fieldNames", "city", "").param("fieldValues", "Huế", ""))
                .andExpect(status().is3xxRedirection());

        String list = page("/contacts?q=an");
        assertThat(list).contains("Nguyễn Văn An").contains("+84912345678").contains("+84987654321");
        long id = business.admin().get("/api/v1/contacts").json().get("items").get(0).get("id").asLong();
        assertThat(page("/contacts/" + id)).contains("Huế").contains("+84987654321");
    }

    @Test
    void aRejectedFormSaysWhichPhoneIsWrong() throws Exception {
        String answer = mvc.perform(post("/contacts").session(admin).with(csrf()).param("name", "An")
                        .param("phones", "0912345678", "garbage"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(answer).contains("garbage");
    }

    @Test
    void theImportTemplateLinkWorksFromAPageSession() throws Exception {
        assertThat(page("/customers/add")).contains("href=\"/imports/template.xlsx\"");

        var template = mvc.perform(get("/imports/template.xlsx").session(admin)).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(template.getContentType()).contains("spreadsheetml");
        assertThat(dev.outdial.testing.Exports.xlsx(template.getContentAsByteArray()).getFirst().stream()
                .map(cell -> cell.getText()).toList()).startsWith("name", "phone");
    }

    @Test
    void theVietnamesePagesUseTheManualsWording() throws Exception {
        assertThat(page("/contacts?lang=vi")).contains("Tên khách hàng").contains("Số điện thoại");
        assertThat(page("/customer-groups?lang=vi")).contains("Nhóm khách hàng");
        assertThat(page("/contact-filters?lang=vi")).contains("Bộ lọc nâng cao");
        assertThat(page("/compliance/blacklist?lang=vi")).contains("blacklist gọi ra");
        assertThat(page("/compliance/dnc?lang=vi")).contains("DNC");
    }

    @Test
    void aGroupPageAddsFoundContacts() throws Exception {
        long contact = business.admin().post("/api/v1/contacts", Map.of("name", "Bình", "phones", List.of("0987654321")))
                .expect(201).id();
        long group = business.admin().post("/api/v1/customer-groups", Map.of("name", "VIP")).expect(201).id();

        assertThat(page("/customer-groups/" + group + "?q=bình")).contains("Bình");
        mvc.perform(post("/customer-groups/" + group + "/members").session(admin).with(csrf())
                .param("contactIds", String.valueOf(contact))).andExpect(status().is3xxRedirection());

        assertThat(business.admin().get("/api/v1/customer-groups/" + group).json().get("memberCount").asLong()).isOne();
        assertThat(page("/customer-groups")).contains("VIP");
    }

    @Test
    void theFilterBuilderPreviewsALiveCount() throws Exception {
        business.admin().post("/api/v1/contacts", Map.of("name", "An", "phones", List.of("0912345678"))).expect(201);
        business.admin().post("/api/v1/contacts", Map.of("name", "Bình", "phones", List.of("0987654321"))).expect(201);

        String preview = mvc.perform(post("/contact-filters/preview").session(admin).with(csrf())
                        .header("HX-Request", "true").param("match", "ALL")
                        .param("field", "phone", "").param("operator", "STARTS_WITH", "EQUALS").param("value", "091", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(preview).contains("Matching contacts: 1").contains("An").doesNotContain("<html");
        assertThat(page("/contact-filters")).contains("filter-builder");
    }

    @Test
    void anUploadOnTheBlacklistPageShowsItsReport() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "numbers.csv", "text/csv",
                "phone,reason\n0912345678,asked\nbad,\n".getBytes());

        mvc.perform(multipart("/compliance/blacklist/import").file(file).session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(business.admin().get("/api/v1/blacklist").json().get("items").size()).isOne();
        assertThat(page("/compliance/blacklist")).contains("+84912345678").contains("asked");
    }

    @Test
    void supervisorsSeeTheListsButNotTheFormsAndAgentsAreKeptOut() throws Exception {
        business.person("SUPERVISOR", "sup");
        business.agent("agent");
        MockHttpSession supervisor = signIn("sup@" + business.domain(), "person-password");
        MockHttpSession agent = signIn("agent@" + business.domain(), "person-password");

        String blacklist = mvc.perform(get("/compliance/blacklist").session(supervisor)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(blacklist).doesNotContain("/compliance/blacklist/import");
        mvc.perform(post("/compliance/blacklist").session(supervisor).with(csrf()).param("number", "0912345678"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/contacts").session(supervisor)).andExpect(status().isOk());
        for (String path : List.of("/contacts", "/customer-groups", "/contact-filters", "/compliance/dnc")) {
            mvc.perform(get(path).session(agent)).andExpect(status().isForbidden());
        }
    }

    private String page(String path) throws Exception {
        MockHttpServletRequestBuilder request = get(path).session(admin);
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
