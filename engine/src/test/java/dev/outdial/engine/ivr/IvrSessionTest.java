package dev.outdial.engine.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IvrSessionTest {

    private static List<String> heard(IvrStep step) {
        return step.prompts().stream().map(IvrPrompt::nodeId).toList();
    }

    @Test
    void theFirstCollectWaitsForAKeyAfterItsPrompt() {
        IvrStep first = new IvrSession(IvrTrees.survey()).start();

        assertThat(first).isInstanceOf(IvrStep.Collect.class);
        assertThat(heard(first)).containsExactly("n1");
        assertThat(((IvrStep.Collect) first).timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void setResultRecordsTheResultAndGoesOnToItsTarget() {
        IvrSession session = new IvrSession(IvrTrees.survey());
        session.start();

        IvrStep after = session.pressed("1");

        assertThat(session.lastResult()).contains("11");
        assertThat(heard(after)).containsExactly("n2");
        assertThat(after).isEqualTo(new IvrStep.End(after.prompts(), IvrAction.HANGUP));
    }

    @Test
    void anUnknownKeyOrSilenceAsksAgainThenFallsThroughToNext() {
        IvrSession session = new IvrSession(IvrTrees.survey());
        session.start();

        IvrStep again = session.pressed("7");
        IvrStep lastTry = session.pressed("");
        IvrStep goodbye = session.pressed("");

        assertThat(heard(again)).containsExactly("n1");
        assertThat(heard(lastTry)).containsExactly("n1");
        assertThat(heard(goodbye)).containsExactly("n3");
        assertThat(((IvrStep.End) goodbye).how()).isEqualTo(IvrAction.HANGUP);
        assertThat(session.lastResult()).isEmpty();
    }

    @Test
    void connectAgentAndOptOutEndTheIvr() {
        IvrSession toAgent = new IvrSession(IvrTrees.survey());
        toAgent.start();
        IvrSession optingOut = new IvrSession(IvrTrees.survey());
        optingOut.start();

        assertThat(((IvrStep.End) toAgent.pressed("2")).how()).isEqualTo(IvrAction.CONNECT_AGENT);
        assertThat(((IvrStep.End) optingOut.pressed("9")).how()).isEqualTo(IvrAction.OPT_OUT);
        assertThatThrownBy(() -> optingOut.pressed("1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCollectThatLoopsOnSilenceHangsUpAfterTheMostPrompts() {
        IvrTree loop = new IvrTree("n1", List.of(IvrTrees.collect("n1", "Anyone there?", 0, "n1",
                Map.of("1", new IvrKey(IvrAction.HANGUP, null, null)))));

        IvrWalk.Outcome outcome = IvrWalk.walk(loop, List.of());

        assertThat(outcome.prompts()).hasSize(IvrSession.MAX_PROMPTS);
        assertThat(outcome.end()).isEqualTo(IvrAction.HANGUP);
    }

    @Test
    void aNotificationPlaysItsPromptAndEnds() {
        IvrStep only = new IvrSession(IvrTrees.notification()).start();

        assertThat(heard(only)).containsExactly("n1");
        assertThat(((IvrStep.End) only).how()).isEqualTo(IvrAction.HANGUP);
    }
}
