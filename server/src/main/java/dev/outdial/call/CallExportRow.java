package dev.outdial.call;

/**
 * A row of a campaign's calls export: the call record, the names of its customer, agent and classification, and how
 * long its customer was on hold in all.
 */
public record CallExportRow(CallView call, String customerName, String agentName, String classificationName,
                            long heldMillis) {

    static CallExportRow of(ExportedCall exported, long heldMillis) {
        return new CallExportRow(exported.call(), exported.customerName(), exported.agentName(),
                exported.classificationName(), heldMillis);
    }
}
