package dev.outdial.engine.pacing;

import dev.outdial.engine.call.CampaignSettings;

/** The strategy for a campaign's dial type. */
public final class DialStrategies {

    private DialStrategies() {
    }

    public static DialStrategy of(CampaignSettings settings) {
        return switch (settings.rules().dialType()) {
            case MANUAL -> new ManualStrategy();
            case PREVIEW -> new PreviewStrategy(settings.previewTime());
            case PROGRESSIVE -> new ProgressiveStrategy(settings.agentAnswerTimeout());
            // Its abandon limit and maximum wait are not in CampaignSettings yet (the server's part of issue 6).
            case PREDICTIVE -> throw new UnsupportedOperationException(
                    "a predictive campaign needs its PredictiveSettings: campaign(settings, new PredictiveStrategy(…))");
            case AUTOCALL -> new AutocallStrategy(settings.autocall().orElseThrow(() -> new UnsupportedOperationException(
                    "an autocall campaign needs its AutocallSettings (its IVR): settings.withAutocall(…)")));
            case AUTO_CALLBACK -> throw new UnsupportedOperationException(
                    settings.rules().dialType() + " campaigns are not run by the engine yet");
        };
    }
}
