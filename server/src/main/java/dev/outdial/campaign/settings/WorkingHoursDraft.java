package dev.outdial.campaign.settings;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/**
 * A schedule as typed: {@code week} maps days to {@code ["HH:mm", "HH:mm"]} ranges (an absent day
 * is closed), {@code holidays} are ISO dates. Times and dates stay text here so a typo is answered
 * with the day it is on rather than as unreadable JSON.
 */
public record WorkingHoursDraft(String name, Map<DayOfWeek, List<List<String>>> week, List<String> holidays) {
}
