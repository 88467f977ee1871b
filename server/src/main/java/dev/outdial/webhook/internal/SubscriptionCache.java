package dev.outdial.webhook.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.outdial.shared.TransactionEnd;
import dev.outdial.webhook.Webhook;
import dev.outdial.webhook.WebhookEvent;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which events some enabled webhook of a business wants, remembered for a few seconds: a customer's
 * status changes several times per call, and a business without a webhook for it should cost no
 * query and no outbox row. It only ever says "nobody wants it" — a "yes" still reads the webhooks
 * themselves. A change made on this node forgets the business at once; one made on another node is
 * seen here within {@code outdial.webhooks.subscription-cache} (5 s).
 */
@Component
public class SubscriptionCache {

    private final Cache<Long, Set<WebhookEvent>> wanted;
    private final WebhookRepository webhooks;

    SubscriptionCache(WebhookRepository webhooks,
                      @Value("${outdial.webhooks.subscription-cache:PT5S}") Duration lifetime) {
        this.webhooks = webhooks;
        this.wanted = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(10_000).build();
    }

    public boolean anyoneWants(long businessId, WebhookEvent event) {
        return wanted.get(businessId, this::load).contains(event);
    }

    /** Forgets the business now and again once the change commits, so nobody caches the old webhooks meanwhile. */
    public void forget(long businessId) {
        wanted.invalidate(businessId);
        TransactionEnd.whenOver(() -> wanted.invalidate(businessId));
    }

    private Set<WebhookEvent> load(long businessId) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        webhooks.list(businessId).stream().filter(Webhook::enabled).forEach(hook -> events.addAll(hook.events()));
        return events;
    }
}
