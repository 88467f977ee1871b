package dev.outdial.campaign.settings;

/** What kind of answer a script question takes (SPEC §2). */
public enum QuestionType {
    TEXT,
    NUMBER,
    DATE,
    SINGLE_CHOICE,
    MULTIPLE_CHOICE;

    /** Choice questions are answered from their options, and only they have options. */
    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
