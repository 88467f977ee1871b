package dev.outdial.call;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A row of a campaign's calls export: the call record, the names of its customer, agent and classification, how long
 * its customer was on hold in all, how its line was (null where not measured: the simulated carrier, a call not
 * answered) and what the carrier's trunks answered it (none with the simulated carrier).
 */
public record CallExportRow(CallView call, String customerName, String agentName, String classificationName,
                            long heldMillis, CallActivity.Quality quality,
                            List<CallActivity.TrunkAnswer> trunkAnswers) {

    static CallExportRow of(ExportedCall exported, long heldMillis, CallActivity.Quality quality,
                            List<CallActivity.TrunkAnswer> trunkAnswers) {
        return new CallExportRow(exported.call(), exported.customerName(), exported.agentName(),
                exported.classificationName(), heldMillis, quality, trunkAnswers);
    }

    /** What the carrier's trunks answered, in order, separated by "; "; null where none did. */
    public String carrierAnswers() {
        return trunkAnswers.isEmpty() ? null
                : trunkAnswers.stream().map(CallActivity.TrunkAnswer::text).collect(Collectors.joining("; "));
    }

    /** The customer's audio's mean opinion score, to a tenth as the pages show it; null where not measured. */
    public Double customersLineQuality() {
        return quality == null ? null : tenths(quality.customer());
    }

    /** The agent's audio's mean opinion score, to a tenth; null where not measured or no phone was bridged. */
    public Double agentsLineQuality() {
        return quality == null || quality.agent() == null ? null : tenths(quality.agent());
    }

    private static double tenths(CallActivity.Audio audio) {
        return Math.round(audio.meanOpinionScore() * 10) / 10.0;
    }
}
