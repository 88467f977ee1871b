package dev.outdial.campaign.settings;

import java.util.List;

/** Hotlines an autocall campaign rotates through at random ("random from a group", SPEC §4.1). */
public record HotlineGroup(long id, String name, List<Long> hotlineIds) {
}
