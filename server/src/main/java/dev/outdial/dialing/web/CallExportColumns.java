package dev.outdial.dialing.web;

import dev.outdial.dialing.ExportedCall;
import dev.outdial.tabular.ExportColumn;
import java.util.List;

/** A call record's columns as an export writes them (SPEC §4.4): who, from where, every timestamp, the outcome. */
final class CallExportColumns {

    static final List<ExportColumn<ExportedCall>> ALL = List.of(
            ExportColumn.of("Call ID", exported -> exported.call().id()),
            ExportColumn.of("Customer ID", exported -> exported.call().customerId()),
            ExportColumn.of("Customer", ExportedCall::customerName),
            ExportColumn.of("Number", exported -> exported.call().number()),
            ExportColumn.of("Hotline", exported -> exported.call().hotline()),
            ExportColumn.of("Agent ID", exported -> exported.call().agentId()),
            ExportColumn.of("Agent", ExportedCall::agentName),
            ExportColumn.of("State", exported -> exported.call().state()),
            ExportColumn.of("Queued at", exported -> exported.call().queuedAt()),
            ExportColumn.of("Dialing at", exported -> exported.call().dialingAt()),
            ExportColumn.of("Ringing at", exported -> exported.call().ringingAt()),
            ExportColumn.of("Answered at", exported -> exported.call().answeredAt()),
            ExportColumn.of("Connected at", exported -> exported.call().connectedAt()),
            ExportColumn.of("Connect latency (ms)", exported -> exported.call().connectLatencyMillis()),
            ExportColumn.of("Ended at", exported -> exported.call().endedAt()),
            ExportColumn.of("Technical result", exported -> exported.call().result()),
            ExportColumn.of("Classification", ExportedCall::classificationName),
            ExportColumn.of("Next step", exported -> exported.call().next()),
            ExportColumn.of("Callback at", exported -> exported.call().callbackAt()));

    private CallExportColumns() {
    }
}
