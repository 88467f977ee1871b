package dev.outdial.report.web;

import java.text.NumberFormat;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A report's figures for the page ({@code ${@reportFormat.duration(x)}}), in the user's locale; a dash for none. */
@Component("reportFormat")
class ReportFormats {

    private static final String NONE = "–";

    /** Seconds as h:mm:ss, the way a contact center reads talk time. */
    public String duration(Long seconds) {
        if (seconds == null) {
            return NONE;
        }
        return "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    public String percent(Double rate) {
        if (rate == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(rate);
    }

    public String decimal(Double value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    public String number(Long value) {
        return value == null ? NONE : NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(value);
    }
}
