package dev.outdial.call.web;

import dev.outdial.call.CallExportRow;
import dev.outdial.tabular.ExportColumn;
import java.util.List;
import java.util.function.Function;

/**
 * A call record's columns as an export writes them (SPEC §4.4): who, from where, every timestamp, the
 * outcome; headed in the request's language ({@code export.call.*}).
 */
final class CallExportColumns {

    static List<ExportColumn<CallExportRow>> all(Function<String, String> header) {
        return List.of(
            ExportColumn.of(header.apply("id"), row -> row.call().id()),
            ExportColumn.of(header.apply("customer-id"), row -> row.call().customerId()),
            ExportColumn.of(header.apply("customer"), CallExportRow::customerName),
            ExportColumn.of(header.apply("number"), row -> row.call().number()),
            ExportColumn.of(header.apply("hotline"), row -> row.call().hotline()),
            ExportColumn.of(header.apply("agent-id"), row -> row.call().agentId()),
            ExportColumn.of(header.apply("agent"), CallExportRow::agentName),
            ExportColumn.of(header.apply("state"), row -> row.call().state()),
            ExportColumn.of(header.apply("queued-at"), row -> row.call().queuedAt()),
            ExportColumn.of(header.apply("dialing-at"), row -> row.call().dialingAt()),
            ExportColumn.of(header.apply("ringing-at"), row -> row.call().ringingAt()),
            ExportColumn.of(header.apply("answered-at"), row -> row.call().answeredAt()),
            ExportColumn.of(header.apply("connected-at"), row -> row.call().connectedAt()),
            ExportColumn.of(header.apply("connect-latency"), row -> row.call().connectLatencyMillis()),
            ExportColumn.of(header.apply("ended-at"), row -> row.call().endedAt()),
            ExportColumn.of(header.apply("held"), row -> row.heldMillis() / 1000),
            ExportColumn.of(header.apply("customers-line-quality"), CallExportRow::customersLineQuality),
            ExportColumn.of(header.apply("agents-line-quality"), CallExportRow::agentsLineQuality),
            ExportColumn.of(header.apply("carrier-answers"), CallExportRow::carrierAnswers),
            ExportColumn.of(header.apply("result"), row -> row.call().result()),
            ExportColumn.of(header.apply("how-ended"), row -> row.call().howEnded()),
            ExportColumn.of(header.apply("classification"), CallExportRow::classificationName),
            ExportColumn.of(header.apply("next"), row -> row.call().next()),
            ExportColumn.of(header.apply("callback-at"), row -> row.call().callbackAt()));
    }

    private CallExportColumns() {
    }
}
