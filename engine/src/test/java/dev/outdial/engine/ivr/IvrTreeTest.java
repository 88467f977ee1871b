package dev.outdial.engine.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IvrTreeTest {

    @Test
    void resultsAreRenamedAndEverythingElseStays() {
        IvrTree survey = IvrTrees.survey();

        IvrTree byId = survey.withResults(code -> "id-" + code);

        assertThat(byId.node("n1").orElseThrow().keys().get("1").result()).isEqualTo("id-11");
        assertThat(byId.node("n1").orElseThrow().keys().keySet()).containsExactlyElementsOf(
                survey.node("n1").orElseThrow().keys().keySet());
        assertThat(byId.node("n2")).isEqualTo(survey.node("n2"));
    }
}
