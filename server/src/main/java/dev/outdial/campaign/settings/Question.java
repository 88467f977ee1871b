package dev.outdial.campaign.settings;

import java.util.List;

/**
 * One question of a script. Its {@code id} is what answers are keyed by, so it stays the same when
 * the question is reworded or moved: answers given in earlier calls keep their meaning.
 */
public record Question(String id, String text, QuestionType type, boolean required, List<String> options) {
}
