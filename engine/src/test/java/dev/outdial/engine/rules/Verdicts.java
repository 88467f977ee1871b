package dev.outdial.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

final class Verdicts {

    private Verdicts() {
    }

    /** The reason of a verdict that must be a refusal. */
    static DialVerdict.Reason reasonOf(DialVerdict verdict) {
        assertThat(verdict).isInstanceOf(DialVerdict.Refused.class);
        return ((DialVerdict.Refused) verdict).reason();
    }
}
