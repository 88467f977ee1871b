package dev.outdial.call.web;

import dev.outdial.call.ExportedCall;
import dev.outdial.tabular.ExportColumn;
import java.util.List;
import java.util.function.Function;

/**
 * A call record's columns as an export writes them (SPEC §4.4): who, from where, every timestamp, the
 * outcome; headed in the request's language ({@code export.call.*}).
 */
final class CallExportColumns {

    static List<ExportColumn<ExportedCall>> all(Function<String, String> header) {
        return List.of(
            ExportColumn.of(header.apply("id"), exported -> exported.call().id()),
            ExportColumn.of(header.apply("customer-id"), exported -> exported.call().customerId()),
            ExportColumn.of(header.apply("customer"), ExportedCall::customerName),
            ExportColumn.of(header.apply("number"), exported -> exported.call().number()),
            ExportColumn.of(header.apply("hotline"), exported -> exported.call().hotline()),
            ExportColumn.of(header.apply("agent-id"), exported -> exported.call().agentId()),
            ExportColumn.of(header.apply("agent"), ExportedCall::agentName),
            ExportColumn.of(header.apply("state"), exported -> exported.call().state()),
            ExportColumn.of(header.apply("queued-at"), exported -> exported.call().queuedAt()),
            ExportColumn.of(header.apply("dialing-at"), exported -> exported.call().dialingAt()),
            ExportColumn.of(header.apply("ringing-at"), exported -> exported.call().ringingAt()),
            ExportColumn.of(header.apply("answered-at"), exported -> exported.call().answeredAt()),
            ExportColumn.of(header.apply("connected-at"), exported -> exported.call().connectedAt()),
            ExportColumn.of(header.apply("connect-latency"), exported -> exported.call().connectLatencyMillis()),
            ExportColumn.of(header.apply("ended-at"), exported -> exported.call().endedAt()),
            ExportColumn.of(header.apply("result"), exported -> exported.call().result()),
            ExportColumn.of(header.apply("classification"), ExportedCall::classificationName),
            ExportColumn.of(header.apply("next"), exported -> exported.call().next()),
            ExportColumn.of(header.apply("callback-at"), exported -> exported.call().callbackAt()));
    }

    private CallExportColumns() {
    }
}
