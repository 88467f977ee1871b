package dev.outdial.webhook.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@value #MAX_ATTEMPTS} attempts, then the delivery is FAILED. Each attempt resolves the host again
 * and sends to the address it checked ({@link WebhookAddresses}).
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
    private final WebhookAddresses addresses;
    /** HTTP/1.1: on cleartext HTTP/2 would offer an {@code Upgrade: h2c} many receivers choke on. */
    WebhookSender(DeliveryRepository deliveries, PlatformTransactionManager transactions, Clock clock,
                  WebhookAddresses addresses, @Value("${outdial.webhooks.retry-base:PT10S}") Duration retryBase) {
        this.addresses = addresses;
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
            URI url = URI.create(delivery.url());
            switch (addresses.resolve(url.getHost())) {
                case WebhookAddresses.Resolution.Unresolved unresolved ->
                        error = "The host " + unresolved.host() + " does not resolve";
                case WebhookAddresses.Resolution.Refused refused ->
                        error = "Refused: " + url.getHost() + " resolves to " + refused.address().getHostAddress()
                                + ", an address webhooks may not reach (outdial.webhooks.allow-private-addresses)";
                case WebhookAddresses.Resolution.Allowed allowed -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("Content-Type", "application/json");
                    headers.put("User-Agent", "Outdial-Webhooks/1");
                    headers.put("X-Outdial-Event", delivery.eventType());
                    headers.put("X-Outdial-Delivery", delivery.eventId());
                    headers.put("X-Outdial-Timestamp", String.valueOf(timestamp));
                    headers.put("X-Outdial-Signature", Signatures.sign(delivery.secret(), timestamp, delivery.payload()));
                    int answered = PinnedPost.send(url, allowed.address(), headers,
                            delivery.payload().getBytes(StandardCharsets.UTF_8), REQUEST_TIMEOUT);
                    statusCode = answered;
                    if (answered >= 200 && answered < 300) {
                        transactions.executeWithoutResult(status -> deliveries.delivered(delivery.id(), answered,
                                clock.instant()));
                        return;
                    }
                    error = "answered " + answered;
                }
            }
        } catch (IOException | IllegalArgumentException unreachable) {
            error = unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage();
        }
        int attempts = delivery.attempts() + 1;
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        Instant next = clock.instant().plus(retryBase.multipliedBy(1L << Math.min(attempts - 1, 12)));
        Integer code = statusCode;
        String reason = error;
        transactions.executeWithoutResult(status -> deliveries.failed(delivery.id(), code, reason, next, giveUp));
    }
}
