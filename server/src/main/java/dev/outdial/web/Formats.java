package dev.outdial.web;

import dev.outdial.shared.BusinessTimeZones;
import dev.outdial.shared.CurrentUser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times for pages ({@code ${@fmt.dateTime(x)}}): in the user's locale and their
 * business's time zone, since a contact center reads its schedules in its own local time.
 */
@Component("fmt")
public class Formats {

    private final BusinessTimeZones zones;

    Formats(BusinessTimeZones zones) {
        this.zones = zones;
    }

    public String dateTime(Instant instant) {
        return format(instant, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT));
    }

    /** The time of day to the second, for what happens within a call. */
    public String time(Instant instant) {
        return format(instant, DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM));
    }

    /** A length as minutes and seconds ({@code 2:05}), hours first past an hour ({@code 1:02:05}). */
    public String length(long millis) {
        long seconds = millis / 1000;
        return seconds >= 3600 ? "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60)
                : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }

    public String date(Instant instant) {
        return format(instant, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
    }

    /** The zone's name (e.g. Asia/Ho_Chi_Minh) for scripts that format times in the browser. */
    public String zoneId() {
        return zone().getId();
    }

    public ZoneId zone() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                && user.role().belongsToABusiness()) {
            return zones.zoneOf(user.businessId());
        }
        return ZoneOffset.UTC;
    }

    private String format(Instant instant, DateTimeFormatter style) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return style.withLocale(locale).withZone(zone()).format(instant);
    }
}
