package dev.outdial.campaign.settings;

import java.util.List;

/**
 * The questions an agent fills in during a call, in order. The business's default script is used
 * by every campaign that names none.
 */
public record Script(long id, String name, boolean isDefault, List<Question> questions) {
}
