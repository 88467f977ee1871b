package dev.outdial.call;


/** A call record as an export writes it: the call and the names of its customer, agent and classification. */
public record ExportedCall(CallView call, String customerName, String agentName, String classificationName) {
}
