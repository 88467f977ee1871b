package dev.outdial.campaign.settings;

import java.util.List;

/**
 * A script as typed. {@code isDefault} true makes this the business's default script, {@code null}
 * leaves that as it is.
 */
public record ScriptDraft(String name, Boolean isDefault, List<QuestionDraft> questions) {

    /** A question as typed: without an id it gets one, without {@code required} it is optional. */
    public record QuestionDraft(String id, String text, QuestionType type, Boolean required, List<String> options) {
    }
}
