package dev.outdial.report;

import java.time.LocalDate;
import java.util.List;

/** The campaign report: a row per campaign that dialed in the period, and the figures of all of them together. */
public record CampaignReport(LocalDate from, LocalDate to, List<CampaignReportRow> campaigns, CallFigures total) {
}
