package dev.outdial.webhook.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries, outside any transaction: a slow receiver never holds a database lock.
 * A 2xx answer delivers; anything else is tried again after a doubling wait, up to
 * {@value #MAX_ATTEMPTS} attempts, then the delivery is FAILED.
 */
@Component
class WebhookSender {

    static final int MAX_ATTEMPTS = 8;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final DeliveryRepository deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retryBase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookSender(DeliveryRepository deliveries, PlatformTransactionManager transactions, Clock clock,
                  @Value("${outdial.webhooks.retry-base:PT10S}") Duration retryBase) {
        this.deliveries = deliveries;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retryBase = retryBase;
    }

    @Scheduled(fixedDelayString = "${outdial.webhooks.poll-interval:PT1S}")
    void sendDue() {
        try {
            Instant now = clock.instant();
            List<DeliveryRepository.Due> due = transactions.execute(
                    status -> deliveries.take(now, now.plus(REQUEST_TIMEOUT.multipliedBy(3)), 20));
            due.forEach(this::send);
        } catch (RuntimeException failure) {
            log.warn("Webhook sending round failed; the next round tries again", failure);
        }
    }

    private void send(DeliveryRepository.Due delivery) {
        long timestamp = clock.instant().getEpochSecond();
        Integer statusCode = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Outdial-Webhooks/1")
                    .header("X-Outdial-Event", delivery.eventType())
                    .header("X-Outdial-Delivery", delivery.eventId())
                    .header("X-Outdial-Timestamp", String.valueOf(timestamp))
                    .header("X-Outdial-Signature", Signatures.sign(delivery.secret(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            statusCode = response.statusCode();
            if (statusCode >= 200 && statusCode < 300) {
                transactions.executeWithoutResult(status -> deliveries.delivered(delivery.id(), response.statusCode(),
                        clock.instant()));
                return;
            }
            error = "answered " + statusCode;
        } catch (IOException | IllegalArgumentException unreachable) {
            error = unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        int attempts = delivery.attempts() + 1;
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        Instant next = clock.instant().plus(retryBase.multipliedBy(1L << Math.min(attempts - 1, 12)));
        Integer code = statusCode;
        String reason = error;
        transactions.executeWithoutResult(status -> deliveries.failed(delivery.id(), code, reason, next, giveUp));
    }
}
