package dev.outdial.inbound.internal;

import dev.outdial.media.AudioUsage;
import org.springframework.stereotype.Component;

/** Keeps a queue's callback notification and its waiting music while the queue plays them. */
@Component
class QueueAudioUsage implements AudioUsage {

    private final QueueRepository queues;

    QueueAudioUsage(QueueRepository queues) {
        this.queues = queues;
    }

    @Override
    public boolean uses(long businessId, long audioId) {
        return queues.playsAudio(businessId, audioId);
    }
}
