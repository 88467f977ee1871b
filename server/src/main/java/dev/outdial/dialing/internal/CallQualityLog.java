package dev.outdial.dialing.internal;

import dev.outdial.call.CallActivities;
import dev.outdial.call.CallActivity;
import dev.outdial.engine.port.CallId;
import dev.outdial.sip.AudioQuality;
import dev.outdial.sip.CallQualities;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps with each call how its customer's audio reached Outdial, as the SIP side tells it when the call ends (written
 * on a thread of its own: the SIP side's threads never wait for the database), and counts it in the metrics the
 * operator's alerting reads: {@code outdial_call_audio_loss_ratio}, {@code outdial_call_audio_jitter_seconds} and
 * {@code outdial_call_audio_mos}, one sample a call.
 */
@Component
class CallQualityLog implements CallQualities, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(CallQualityLog.class);

    private final CallActivities activities;
    private final DistributionSummary loss;
    private final DistributionSummary jitter;
    private final DistributionSummary opinion;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("call-quality").factory());

    CallQualityLog(CallActivities activities, MeterRegistry registry) {
        this.activities = activities;
        this.loss = DistributionSummary.builder("outdial.call.audio.loss.ratio")
                .description("The share of the customer's audio packets lost on the way, a call at a time")
                .publishPercentiles(0.5, 0.95).register(registry);
        this.jitter = DistributionSummary.builder("outdial.call.audio.jitter").baseUnit("seconds")
                .description("The customer's audio's mean interarrival jitter (RFC 3550), a call at a time")
                .publishPercentiles(0.5, 0.95).register(registry);
        this.opinion = DistributionSummary.builder("outdial.call.audio.mos")
                .description("The mean opinion score the loss and jitter give (1 to 4.4), a call at a time")
                .publishPercentiles(0.05, 0.5).register(registry);
    }

    @Override
    public void measured(CallId call, AudioQuality received) {
        loss.record(received.lossRatio());
        jitter.record(received.meanJitterMillis() / 1000);
        opinion.record(received.meanOpinionScore());
        CallActivity.Quality quality = new CallActivity.Quality(received.packetsExpected(), received.packetsLost(),
                received.meanJitterMillis(), received.maxJitterMillis(), received.meanOpinionScore());
        writer.execute(() -> {
            try {
                if (!activities.keepQuality(call.value(), quality)) {
                    LOG.debug("Call {} has no record: its quality is not kept", call.value());
                }
            } catch (RuntimeException notKept) {
                LOG.warn("The quality of call {} is not kept with it", call.value(), notKept);
            }
        });
    }

    @Override
    public void destroy() {
        writer.shutdown();
    }
}
