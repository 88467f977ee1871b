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
            case PREDICTIVE -> settings.predictive()
                    .map(predictive -> (DialStrategy) new PredictiveStrategy(
                            new PredictiveSettings(predictive.maxAbandonRate(), predictive.maxWait(), settings.zone())))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "a predictive campaign needs its abandon limit and maximum wait (CampaignSettings.predictive)"));
            case AUTO_CALLBACK -> new AutoCallbackStrategy(settings.agentAnswerTimeout());
            case AUTOCALL -> new AutocallStrategy(settings.autocall().orElseThrow(() -> new UnsupportedOperationException(
                    "an autocall campaign needs its AutocallSettings (its IVR): settings.withAutocall(…)")));
        };
    }
}
