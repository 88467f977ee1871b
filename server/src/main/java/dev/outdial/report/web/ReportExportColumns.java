package dev.outdial.report.web;

import dev.outdial.call.LineQuality;
import dev.outdial.tabular.ExportColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;

/**
 * A report table's columns as an export writes them, headed in the request's language: the figures
 * as numbers (seconds, rates as fractions) so a spreadsheet can sum them, then a column per classification.
 */
final class ReportExportColumns {

    private ReportExportColumns() {
    }

    static List<ExportColumn<ReportLine>> campaigns(List<ReportLine> lines, MessageSource bundle, Locale locale) {
        List<ExportColumn<ReportLine>> columns = new ArrayList<>();
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.campaign-id"), ReportLine::id));
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.campaign"), ReportLine::name));
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.dial-mode"), line -> line.dialMode() == null
                ? null : text(bundle, locale, "dial-mode." + line.dialMode())));
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.status"), line -> line.status() == null
                ? null : text(bundle, locale, "campaign-status." + line.status())));
        figures(columns, bundle, locale, true);
        classifications(columns, lines);
        return columns;
    }

    static List<ExportColumn<ReportLine>> agents(List<ReportLine> lines, MessageSource bundle, Locale locale) {
        List<ExportColumn<ReportLine>> columns = new ArrayList<>();
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.agent-id"), ReportLine::id));
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.agent"), ReportLine::name));
        figures(columns, bundle, locale, false);
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.received"),
                line -> line.quota().customersReceived()));
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.quota"), line -> line.quota().quotaCustomers()));
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.quota-use"), line -> line.quota().quotaUse()));
        classifications(columns, lines);
        return columns;
    }

    private static void figures(List<ExportColumn<ReportLine>> columns, MessageSource bundle, Locale locale,
                                boolean withAbandonRate) {
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.calls"), line -> line.figures().calls()));
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.contacts"), line -> line.figures().contacts()));
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.talk-seconds"),
                line -> line.figures().talkSeconds()));
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.hold-seconds"),
                line -> line.figures().holdSeconds()));
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.handle-seconds"),
                line -> line.figures().averageHandleSeconds()));
        if (withAbandonRate) {
            columns.add(ExportColumn.of(text(bundle, locale, "reports.column.abandon-rate"),
                    line -> line.figures().abandonRate()));
        }
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column.dials-per-hour"),
                line -> line.figures().dialsPerHour()));
        lineQuality(columns, bundle, locale, "customer", line -> line.figures().customerLine());
        lineQuality(columns, bundle, locale, "agent", line -> line.figures().agentLine());
    }

    /** A side's mean score to a hundredth (empty where no call was measured), its poor calls and its lines lost. */
    private static void lineQuality(List<ExportColumn<ReportLine>> columns, MessageSource bundle, Locale locale,
                                    String side, Function<ReportLine, LineQuality> quality) {
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column." + side + "-line-score"), line -> {
            Double score = quality.apply(line).meanOpinionScore();
            return score == null ? null : Math.round(score * 100) / 100.0;
        }));
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column." + side + "-poor-lines"),
                line -> quality.apply(line).poorCalls()));
        columns.add(ExportColumn.of(text(bundle, locale, "reports.column." + side + "-lines-lost"),
                line -> quality.apply(line).linesLost()));
    }

    private static void classifications(List<ExportColumn<ReportLine>> columns, List<ReportLine> lines) {
        for (Map.Entry<Long, String> classification : ReportLine.classifications(lines).entrySet()) {
            long id = classification.getKey();
            columns.add(ExportColumn.of(classification.getValue(), line -> line.figures().classified(id)));
        }
    }

    private static String text(MessageSource bundle, Locale locale, String key) {
        return bundle.getMessage(key, null, key, locale);
    }
}
