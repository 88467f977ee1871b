package dev.outdial.campaign.settings.web;

import dev.outdial.campaign.settings.WorkingHours;
import dev.outdial.campaign.settings.WorkingHoursDraft;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The weekly grid editor's fields: per day, repeated {@code from-MONDAY} / {@code to-MONDAY}
 * inputs paired in page order (rows are added and removed on the page), and repeated
 * {@code holidays}. Rows left blank are ignored, so an empty row is harmless.
 */
record WorkingHoursForm(String name, Map<DayOfWeek, List<List<String>>> week, List<String> holidays) {

    static WorkingHoursForm empty() {
        return new WorkingHoursForm("", Map.of(), List.of());
    }

    static WorkingHoursForm of(WorkingHours schedule) {
        return new WorkingHoursForm(schedule.name(), schedule.hours().weekAsText(),
                schedule.hours().holidays().stream().map(LocalDate::toString).toList());
    }

    static WorkingHoursForm read(MultiValueMap<String, String> fields) {
        Map<DayOfWeek, List<List<String>>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<String> from = fields.getOrDefault("from-" + day, List.of());
            List<String> to = fields.getOrDefault("to-" + day, List.of());
            List<List<String>> ranges = new ArrayList<>();
            for (int i = 0; i < Math.max(from.size(), to.size()); i++) {
                String start = i < from.size() ? from.get(i) : "";
                String end = i < to.size() ? to.get(i) : "";
                if (!start.isBlank() || !end.isBlank()) {
                    ranges.add(List.of(start, end));
                }
            }
            if (!ranges.isEmpty()) {
                week.put(day, ranges);
            }
        }
        List<String> holidays = fields.getOrDefault("holidays", List.of()).stream().filter(date -> !date.isBlank()).toList();
        return new WorkingHoursForm(fields.getFirst("name"), week, holidays);
    }

    WorkingHoursDraft draft() {
        return new WorkingHoursDraft(name, week, holidays);
    }

    public List<List<String>> rangesOf(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }
}
