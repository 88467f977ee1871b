package dev.outdial.campaign.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.shared.FieldViolation;
import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@OutdialIntegrationTest
class ScriptsTest {

    static final List<Map<String, Object>> SURVEY = List.of(
            Map.of("text", "Is the customer interested?", "type", "SINGLE_CHOICE", "required", true,
                    "options", List.of("Yes", "No", "Maybe")),
            Map.of("id", "budget", "text", "Budget (VND)", "type", "NUMBER"),
            Map.of("text", "Preferred products", "type", "MULTIPLE_CHOICE", "options", List.of("Loan", "Card", "Savings")),
            Map.of("text", "Visit date", "type", "DATE"),
            Map.of("text", "Notes", "type", "TEXT"));

    @Autowired
    Api api;

    @Autowired
    Scripts scripts;

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("scripts");
    }

    @Test
    void aNewBusinessHasADefaultScript() {
        JsonNode list = business.admin().get("/api/v1/scripts").expect(200).json();

        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("isDefault").asBoolean()).isTrue();
        assertThat(list.get(0).get("name").asString()).isEqualTo("Default script");
        assertThat(scripts.defaultScript(business.id())).get().extracting(Script::id)
                .isEqualTo(list.get(0).get("id").asLong());
    }

    @Test
    void questionsKeepTheirOrderAndGetIdsWhenTypedWithout() {
        JsonNode script = create("Survey", SURVEY).expect(201).json();

        JsonNode questions = script.get("questions");
        assertThat(questions.valueStream().map(question -> question.get("id").asString()).toList())
                .containsExactly("q1", "budget", "q2", "q3", "q4");
        assertThat(questions.get(0).get("required").asBoolean()).isTrue();
        assertThat(questions.get(1).get("required").asBoolean()).isFalse();
        assertThat(questions.get(2).get("options").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Loan", "Card", "Savings");
        assertThat(script.get("isDefault").asBoolean()).isFalse();
    }

    @Test
    void aChoiceQuestionNeedsTwoDifferentOptions() {
        Api.Response response = create("Thin", List.of(
                Map.of("text", "One way", "type", "SINGLE_CHOICE", "options", List.of("Yes")),
                Map.of("text", "Twice", "type", "MULTIPLE_CHOICE", "options", List.of("A", " a "))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("questions[0].options", "questions[1].options", "questions[1].options");
    }

    @Test
    void onlyAChoiceQuestionHasOptions() {
        Api.Response response = create("Odd", List.of(
                Map.of("text", "Age", "type", "NUMBER", "options", List.of("18", "30"))));

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("questions[0].options");
        assertThat(error.get("message").asString()).contains("NUMBER");
    }

    @Test
    void everyQuestionNeedsATextAndATypeAndTheScriptAQuestion() {
        Api.Response missing = create("Blank", List.of(Map.of("text", " "), Map.of("type", "TEXT", "text", "ok")));
        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("questions[0].text", "questions[0].type");

        Api.Response none = business.admin().post("/api/v1/scripts", Map.of("name", "Empty", "questions", List.of()));
        assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("questions");
    }

    @Test
    void anUnknownQuestionTypeIsNamed() {
        Api.Response response = create("Strange", List.of(Map.of("text", "Mood", "type", "EMOJI")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("questions[0].type");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("SINGLE_CHOICE");
    }

    @Test
    void questionIdsAreUniqueInAScript() {
        Api.Response response = create("Twins", List.of(Map.of("id", "a", "text", "One", "type", "TEXT"),
                Map.of("id", "a", "text", "Two", "type", "TEXT"), Map.of("id", "no spaces", "text", "Three", "type", "TEXT")));

        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("questions[1].id", "questions[2].id");
    }

    @Test
    void makingAnotherScriptTheDefaultUnsetsThePreviousOne() {
        long original = scripts.defaultScript(business.id()).orElseThrow().id();

        long survey = business.admin().post("/api/v1/scripts", Map.of("name", "Survey", "isDefault", true,
                "questions", SURVEY)).expect(201).id();

        assertThat(scripts.defaultScript(business.id())).get().extracting(Script::id).isEqualTo(survey);
        assertThat(business.admin().get("/api/v1/scripts/" + original).json().get("isDefault").asBoolean()).isFalse();

        business.admin().put("/api/v1/scripts/" + original, Map.of("name", "Default script", "isDefault", true,
                "questions", SURVEY)).expect(200);
        assertThat(scripts.defaultScript(business.id())).get().extracting(Script::id).isEqualTo(original);
        assertThat(business.admin().get("/api/v1/scripts").json().valueStream()
                .filter(script -> script.get("isDefault").asBoolean()).count()).isEqualTo(1);
    }

    @Test
    void theDefaultScriptCannotBeDeletedNorStopBeingTheDefault() {
        long original = scripts.defaultScript(business.id()).orElseThrow().id();

        assertThat(business.admin().delete("/api/v1/scripts/" + original).status()).isEqualTo(409);
        assertThat(business.admin().put("/api/v1/scripts/" + original, Map.of("name", "Default script",
                "isDefault", false, "questions", SURVEY)).status()).isEqualTo(409);

        long survey = business.admin().post("/api/v1/scripts", Map.of("name", "Survey", "isDefault", true,
                "questions", SURVEY)).expect(201).id();
        business.admin().delete("/api/v1/scripts/" + original).expect(204);
        assertThat(scripts.defaultScript(business.id())).get().extracting(Script::id).isEqualTo(survey);
    }

    @Test
    void aChangeWithoutIsDefaultKeepsIt() {
        long original = scripts.defaultScript(business.id()).orElseThrow().id();

        JsonNode renamed = business.admin().put("/api/v1/scripts/" + original, Map.of("name", "Standard",
                "questions", SURVEY)).expect(200).json();

        assertThat(renamed.get("isDefault").asBoolean()).isTrue();
        assertThat(renamed.get("questions").size()).isEqualTo(5);
    }

    @Test
    void namesAreUniqueInTheBusiness() {
        assertThat(create("default SCRIPT", SURVEY).status()).isEqualTo(409);
    }

    @Test
    void answersMustFitTheirQuestions() {
        Script survey = scripts.get(business.id(), create("Survey", SURVEY).expect(201).id());

        Map<String, Object> good = Map.of("q1", "Yes", "budget", 5_000_000, "q2", List.of("Loan", "Card"),
                "q3", "2026-05-04", "q4", "Call after lunch");
        assertThat(scripts.validateAnswers(survey, good)).isEmpty();
        assertThat(scripts.validateAnswers(survey, Map.of("q1", "No", "budget", "1.5e6"))).isEmpty();

        Map<String, Object> bad = new HashMap<>(Map.of("budget", "a lot", "q2", List.of("Loan", "Yacht"),
                "q3", "next week", "q4", 42, "q9", "?"));
        assertThat(scripts.validateAnswers(survey, bad)).extracting(FieldViolation::field, FieldViolation::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("answers.q1", "validation.required"),
                        org.assertj.core.groups.Tuple.tuple("answers.budget", "script.answer.not-a-number"),
                        org.assertj.core.groups.Tuple.tuple("answers.q2", "script.answer.not-options"),
                        org.assertj.core.groups.Tuple.tuple("answers.q3", "script.answer.not-a-date"),
                        org.assertj.core.groups.Tuple.tuple("answers.q4", "script.answer.not-text"),
                        org.assertj.core.groups.Tuple.tuple("answers.q9", "script.answer.unknown-question"));
        assertThat(scripts.validateAnswers(survey, Map.of("q1", "Perhaps"))).extracting(FieldViolation::messageKey)
                .containsExactly("script.answer.not-an-option");
    }

    @Test
    void agentsReadAScriptButDoNotListOrChangeScripts() {
        long id = create("Survey", SURVEY).expect(201).id();
        Api.Client agent = business.agent("caller").client();
        Api.Client supervisor = business.person("SUPERVISOR", "sup").client();

        assertThat(agent.get("/api/v1/scripts/" + id).expect(200).json().get("questions").size()).isEqualTo(5);
        assertThat(agent.get("/api/v1/scripts").status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/scripts", Map.of("name", "Mine", "questions", SURVEY)).status()).isEqualTo(403);
        supervisor.get("/api/v1/scripts").expect(200);
        assertThat(supervisor.delete("/api/v1/scripts/" + id).status()).isEqualTo(403);
    }

    @Test
    void anotherBusinessesScriptIsNotFoundEvenByItsAgents() {
        long id = create("Survey", SURVEY).expect(201).id();
        TestBusiness other = api.newBusiness("scripts-intruder");
        String path = "/api/v1/scripts/" + id;

        assertThat(other.admin().get(path).status()).isEqualTo(404);
        assertThat(other.agent("nosy").client().get(path).status()).isEqualTo(404);
        assertThat(other.admin().put(path, Map.of("name", "Mine", "questions", SURVEY)).status()).isEqualTo(404);
        assertThat(other.admin().delete(path).status()).isEqualTo(404);
        assertThat(scripts.exists(other.id(), id)).isFalse();
        assertThat(scripts.exists(business.id(), id)).isTrue();
    }

    private Api.Response create(String name, List<Map<String, Object>> questions) {
        return business.admin().post("/api/v1/scripts", Map.of("name", name, "questions", questions));
    }
}
