package dev.outdial.call;

/**
 * A row of a campaign's calls export: the call record, the names of its customer, agent and classification, how long
 * its customer was on hold in all, and how its line was (null where not measured: the simulated carrier, a call not
 * answered).
 */
public record CallExportRow(CallView call, String customerName, String agentName, String classificationName,
                            long heldMillis, CallActivity.Quality quality) {

    static CallExportRow of(ExportedCall exported, long heldMillis, CallActivity.Quality quality) {
        return new CallExportRow(exported.call(), exported.customerName(), exported.agentName(),
                exported.classificationName(), heldMillis, quality);
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
