package dev.outdial.webhook;

import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Page;
import dev.outdial.shared.PageRequest;
import dev.outdial.shared.Violations;
import dev.outdial.webhook.internal.DeliveryRepository;
import dev.outdial.webhook.internal.Signatures;
import dev.outdial.webhook.internal.SubscriptionCache;
import dev.outdial.webhook.internal.WebhookAddresses;
import dev.outdial.webhook.internal.WebhookRepository;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A business's webhooks, and the outbox their deliveries go through. {@link #publish} is called
 * inside the transaction of the change it reports, so the delivery commits with the change.
 */
@Service
public class Webhooks {

    static final int MAX_WEBHOOKS = 20;

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final SubscriptionCache subscriptions;
    private final WebhookAddresses addresses;
    private final JsonMapper json;
    private final Clock clock;

    Webhooks(WebhookRepository webhooks, DeliveryRepository deliveries, SubscriptionCache subscriptions,
             WebhookAddresses addresses, JsonMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.addresses = addresses;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /** Registers a URL; the answer carries the signing secret, which is not shown again. */
    @Transactional
    public Webhook create(long businessId, WebhookDraft draft) {
        Violations violations = new Violations();
        String url = checkUrl(draft.url(), violations);
        Set<WebhookEvent> events = checkEvents(draft.events(), violations);
        violations.check(webhooks.list(businessId).size() < MAX_WEBHOOKS, "url", "webhook.too-many", MAX_WEBHOOKS);
        violations.throwIfAny();
        boolean enabled = draft.enabled() == null || draft.enabled();
        long id = webhooks.insert(businessId, url, Signatures.newSecret(), events, enabled, clock.instant());
        subscriptions.forget(businessId);
        return webhooks.find(businessId, id).orElseThrow();
    }

    @Transactional
    public Webhook update(long businessId, long id, WebhookDraft changes) {
        Webhook current = get(businessId, id);
        Violations violations = new Violations();
        String url = changes.url() == null ? current.url() : checkUrl(changes.url(), violations);
        Set<WebhookEvent> events = changes.events() == null ? current.events() : checkEvents(changes.events(), violations);
        violations.throwIfAny();
        boolean enabled = changes.enabled() == null ? current.enabled() : changes.enabled();
        webhooks.update(businessId, id, url, events, enabled);
        subscriptions.forget(businessId);
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public Webhook get(long businessId, long id) {
        return webhooks.find(businessId, id).map(Webhook::withoutSecret)
                .orElseThrow(() -> new NotFoundException("webhook", id));
    }

    @Transactional(readOnly = true)
    public List<Webhook> list(long businessId) {
        return webhooks.list(businessId).stream().map(Webhook::withoutSecret).toList();
    }

    @Transactional
    public void delete(long businessId, long id) {
        get(businessId, id);
        webhooks.delete(businessId, id);
        subscriptions.forget(businessId);
    }

    @Transactional(readOnly = true)
    public Page<WebhookDelivery> deliveries(long businessId, long webhookId, PageRequest page) {
        get(businessId, webhookId);
        return Page.of(deliveries.page(businessId, webhookId, page.before(), page.fetchSize()), page,
                WebhookDelivery::id);
    }

    /**
     * Queues {@code event} for every enabled webhook of the business that wants it, once each: the
     * event's id travels in {@code X-Outdial-Delivery} so a receiver can tell a retry from a new event.
     */
    @Transactional
    public void publish(long businessId, WebhookEvent event, Map<String, Object> data) {
        if (!subscriptions.anyoneWants(businessId, event)) {
            return;
        }
        List<Webhook> subscribed = webhooks.subscribedTo(businessId, event);
        if (subscribed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", eventId);
        payload.put("type", event.wireName());
        payload.put("createdAt", now.toString());
        payload.put("data", data);
        String body = json.writeValueAsString(payload);
        subscribed.forEach(hook -> deliveries.enqueue(hook.id(), businessId, eventId, event.wireName(), body, now));
    }

    /**
     * An http(s) URL without credentials, whose host does not resolve to an address webhooks may
     * not reach; a host that does not resolve now is accepted (every delivery checks it again).
     */
    private String checkUrl(String url, Violations violations) {
        if (!violations.check(url != null && !url.isBlank(), "url", "validation.required")) {
            return null;
        }
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            boolean web = ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getUserInfo() == null;
            if (violations.check(web && trimmed.length() <= 2000, "url", "webhook.url.invalid")
                    && addresses.resolve(uri.getHost()) instanceof WebhookAddresses.Resolution.Refused refused) {
                violations.add("url", "webhook.url.private", refused.address().getHostAddress());
            }
        } catch (URISyntaxException malformed) {
            violations.add("url", "webhook.url.invalid");
        }
        return trimmed;
    }

    private static Set<WebhookEvent> checkEvents(Set<WebhookEvent> events, Violations violations) {
        violations.check(events != null && !events.isEmpty(), "events", "validation.required");
        return events == null || events.isEmpty() ? Set.of() : EnumSet.copyOf(events);
    }
}
