package dev.outdial.report;

import java.time.LocalDate;
import java.util.List;

/** The agent report: a row per agent of the business who called or received customers in the period, and their total. */
public record AgentReport(LocalDate from, LocalDate to, List<AgentReportRow> agents, CallFigures total) {
}
