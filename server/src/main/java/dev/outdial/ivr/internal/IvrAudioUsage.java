package dev.outdial.ivr.internal;

import dev.outdial.media.AudioUsage;
import org.springframework.stereotype.Component;

/** Keeps a prompt's audio file while an IVR node plays it. */
@Component
class IvrAudioUsage implements AudioUsage {

    private final IvrRepository ivrs;

    IvrAudioUsage(IvrRepository ivrs) {
        this.ivrs = ivrs;
    }

    @Override
    public boolean uses(long businessId, long audioId) {
        return ivrs.playsAudio(businessId, audioId);
    }
}
