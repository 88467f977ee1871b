package dev.outdial.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.outdial.media.AudioSamples;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Settings → IVRs: the form editor (posted as plain fields, rebuilt into a tree, its errors at their
 * node and key), the JSON view it converts to and from, and the tree shown, for admins only.
 */
@OutdialIntegrationTest
@AutoConfigureMockMvc
class IvrPagesTest {

    private static final String BROKEN_TREE = """
            {"root": "n1", "nodes": [{"id": "n1", "type": "COLLECT", "prompt": "Press 1",
              "timeoutSeconds": 5, "retries": 1, "keys": {"1": {"action": "GOTO", "target": "n7"}}}]}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Api api;

    TestBusiness business;
    MockHttpSession admin;

    @BeforeEach
    void anAdminSignedIn() throws Exception {
        business = api.newBusiness("ivr-pages");
        admin = signIn("admin@" + business.domain(), "admin-password");
    }

    @Test
    void anIvrIsShownAsATreeWithItsTargetsAsLinks() throws Exception {
        long id = business.admin().post("/api/v1/ivrs", IvrSamples.survey("Survey")).expect(201).id();

        String page = page("/settings/ivrs?id=" + id, "en");

        assertThat(page).contains("Survey", "id=\"node-n3\"", "href=\"#node-n3\"", "connect an agent", "INTERESTED",
                "name=\"nodes[2].keys[1].target\"");
        assertThat(page("/settings/ivrs?view=json&id=" + id, "en")).contains("&quot;root&quot; : &quot;n1&quot;");
        assertThat(page("/settings/ivrs?id=" + id, "vi")).contains("nối máy tới điện thoại viên", "Sơ đồ cây",
                "Thêm nút", "Tới nút", "Nâng cao (JSON)");
    }

    @Test
    void aBrokenTreeIsShownAgainWithTheErrorsPath() throws Exception {
        String page = mvc.perform(post("/settings/ivrs").session(admin).with(csrf()).param("name", "Broken")
                        .param("view", "json").param("tree", BROKEN_TREE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Node n1, key 1 · Go to node: there is no node &#39;n7&#39;", "Press 1",
                "name=\"tree\"");
        assertThat(business.admin().get("/api/v1/ivrs").expect(200).json()).isEmpty();
    }

    @Test
    void aValidTreeIsSavedAndAgentsCannotOpenThePage() throws Exception {
        String tree = business.admin().post("/api/v1/ivrs", IvrSamples.survey("Template")).expect(201).json()
                .toString().replace("\"name\":\"Template\",", "").replaceFirst("\"id\":\\d+,", "");

        mvc.perform(post("/settings/ivrs").session(admin).with(csrf()).param("name", "From the page")
                        .param("view", "json").param("tree", tree))
                .andExpect(status().is3xxRedirection());

        JsonNode saved = business.admin().get("/api/v1/ivrs").expect(200).json();
        assertThat(saved.findValuesAsString("name")).contains("From the page");
        MockHttpSession agent = signIn(business.agent("ivr-agent").email(), "person-password");
        mvc.perform(get("/settings/ivrs").session(agent)).andExpect(status().isForbidden());
    }

    @Test
    void aTreeBuiltInTheFormIsSavedAndItsFieldsComeBack() throws Exception {
        long audioId = business.admin().upload("/api/v1/audio?name=Welcome", "welcome.wav", AudioSamples.wav(300))
                .expect(201).id();
        Map<String, String> fields = twoLevels();
        fields.put("nodes[0].audioId", String.valueOf(audioId));
        fields.put("nodes[0].keys[2].digit", "");
        fields.put("nodes[0].keys[2].action", "");

        mvc.perform(form(fields, "save")).andExpect(status().is3xxRedirection());

        JsonNode saved = business.admin().get("/api/v1/ivrs").expect(200).json().get(0);
        assertThat(saved.get("root").asString()).isEqualTo("menu");
        JsonNode menu = saved.get("nodes").get(0);
        assertThat(menu.get("audioId").asLong()).isEqualTo(audioId);
        assertThat(menu.get("keys").propertyNames()).containsExactly("1", "9");
        assertThat(menu.get("keys").get("1").get("target").asString()).isEqualTo("sales");
        assertThat(saved.get("nodes").get(1).get("keys").get("2").get("result").asString()).isEqualTo("INTERESTED");
        String page = page("/settings/ivrs?id=" + saved.get("id").asLong(), "en");
        assertThat(page).contains("<option value=\"" + audioId + "\" selected=\"selected\">Welcome</option>",
                "name=\"nodes[2].prompt\" value=\"Goodbye.\"");
        assertThat(row(page, "edit-node-0-key-0")).contains("<option value=\"sales\" selected=\"selected\">sales</option>");
    }

    @Test
    void errorsStandNextToTheirNodeAndKeyAndWhatWasTypedStays() throws Exception {
        Map<String, String> fields = twoLevels();
        fields.put("nodes[0].keys[1].digit", "1");
        fields.put("nodes[1].keys[0].target", "");
        fields.put("nodes[1].keys[0].action", "GOTO");
        fields.put("nodes[2].prompt", "");

        String page = mvc.perform(form(fields, "save")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(row(page, "edit-node-0-key-1-errors")).contains("key &#39;1&#39; is used twice in this node");
        assertThat(row(page, "edit-node-0-key-0-errors")).isEmpty();
        assertThat(row(page, "edit-node-1-key-0-errors")).contains("Go to node: is required");
        assertThat(page).contains("Node sales, key 0 · Go to node: is required",
                "a PLAY node needs a prompt text or an audio file", "value=\"Press 0 for an agent\"");
        assertThat(page.substring(page.indexOf("id=\"edit-node-2\""))).contains("a PLAY node needs a prompt");
        assertThat(business.admin().get("/api/v1/ivrs").expect(200).json()).isEmpty();
    }

    @Test
    void theFormAndTheJsonViewTurnIntoEachOther() throws Exception {
        String json = mvc.perform(form(twoLevels(), "json")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(json).contains("name=\"tree\"", "&quot;target&quot; : &quot;sales&quot;",
                "&quot;result&quot; : &quot;INTERESTED&quot;");
        String tree = json.substring(json.indexOf("name=\"tree\""), json.indexOf("</textarea>"));
        tree = tree.substring(tree.indexOf('>') + 1).replace("&quot;", "\"").replace("&#39;", "'");

        String form = mvc.perform(post("/settings/ivrs").session(admin).with(csrf()).param("name", "Two levels")
                        .param("view", "json").param("op", "form").param("tree", tree))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(form).contains("name=\"nodes[1].prompt\" value=\"Press 0 for an agent\"");
        assertThat(row(form, "edit-node-1-key-1")).contains("<option value=\"INTERESTED\" selected=\"selected\">",
                "<option value=\"bye\" selected=\"selected\">bye</option>");
    }

    @Test
    void addingAndRemovingDrawTheFormAgainAndARenamedNodeTakesWhatPointedAtIt() throws Exception {
        Map<String, String> fields = twoLevels();
        fields.put("nodes[1].was", "sales");
        fields.put("nodes[1].id", "support");

        String added = mvc.perform(form(fields, "add-node")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(added).contains("name=\"nodes[3].id\" value=\"n4\"");
        assertThat(row(added, "edit-node-0-key-0")).contains("<option value=\"support\" selected=\"selected\">support</option>");
        assertThat(added).contains("data-confirm=\"Node &#39;support&#39; is used by: menu key 1. Remove it anyway?",
                "data-confirm=\"Node &#39;menu&#39; is used by: the first node.",
                "data-confirm=\"Node &#39;bye&#39; is used by: menu then, support key 2.");
        fields.put("nodes[1].was", "support");
        String fewer = mvc.perform(form(fields, "remove-key:0:0")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(fewer).doesNotContain("nodes[0].keys[1].digit");
        assertThat(row(fewer, "edit-node-0-key-0")).contains("<option value=\"9\" selected=\"selected\">9</option>");
        assertThat(business.admin().get("/api/v1/ivrs").expect(200).json()).isEmpty();
    }

    /**
     * menu (COLLECT): 1 goes to sales, 9 opts out, then bye; sales (COLLECT): 0 connects an agent,
     * 2 sets INTERESTED and goes to bye; bye (PLAY) says goodbye. As the form posts it.
     */
    private static Map<String, String> twoLevels() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Two levels");
        fields.put("view", "form");
        fields.put("root", "menu");
        node(fields, 0, "menu", "COLLECT", "Press 1 for sales", "bye");
        fields.put("nodes[0].timeoutSeconds", "5");
        fields.put("nodes[0].retries", "1");
        key(fields, 0, 0, "1", "GOTO", "sales", "");
        key(fields, 0, 1, "9", "OPT_OUT", "", "");
        node(fields, 1, "sales", "COLLECT", "Press 0 for an agent", "");
        fields.put("nodes[1].timeoutSeconds", "5");
        fields.put("nodes[1].retries", "0");
        key(fields, 1, 0, "0", "CONNECT_AGENT", "", "");
        key(fields, 1, 1, "2", "SET_RESULT", "bye", "INTERESTED");
        node(fields, 2, "bye", "PLAY", "Goodbye.", "");
        return fields;
    }

    private static void node(Map<String, String> fields, int at, String id, String type, String prompt, String next) {
        fields.put("nodes[" + at + "].id", id);
        fields.put("nodes[" + at + "].was", id);
        fields.put("nodes[" + at + "].type", type);
        fields.put("nodes[" + at + "].prompt", prompt);
        fields.put("nodes[" + at + "].audioId", "");
        fields.put("nodes[" + at + "].next", next);
    }

    private static void key(Map<String, String> fields, int node, int row, String digit, String action, String target,
                            String result) {
        String at = "nodes[" + node + "].keys[" + row + "].";
        fields.put(at + "digit", digit);
        fields.put(at + "action", action);
        fields.put(at + "target", target);
        fields.put(at + "result", result);
    }

    private MockHttpServletRequestBuilder form(Map<String, String> fields, String op) {
        MockHttpServletRequestBuilder request = post("/settings/ivrs").session(admin).with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("op", op);
        fields.forEach(request::param);
        return request;
    }

    /** The table row with this id, its white space as one space (empty when the page has none). */
    private static String row(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</tr>", start)).replaceAll("\\s+", " ");
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).param("lang", language).session(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
