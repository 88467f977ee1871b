package dev.outdial.webhook.web;

import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.Page;
import dev.outdial.shared.PageRequest;
import dev.outdial.webhook.Webhook;
import dev.outdial.webhook.WebhookDelivery;
import dev.outdial.webhook.WebhookDraft;
import dev.outdial.webhook.Webhooks;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks are an admin's integration setting. */
@RestController
@RequestMapping("/api/v1/webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Webhook create(@AuthenticationPrincipal CurrentUser me, @RequestBody WebhookDraft draft) {
        return webhooks.create(me.businessId(), draft);
    }

    @GetMapping
    List<Webhook> list(@AuthenticationPrincipal CurrentUser me) {
        return webhooks.list(me.businessId());
    }

    @GetMapping("/{id}")
    Webhook get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return webhooks.get(me.businessId(), id);
    }

    @PutMapping("/{id}")
    Webhook update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestBody WebhookDraft changes) {
        return webhooks.update(me.businessId(), id, changes);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        webhooks.delete(me.businessId(), id);
    }

    @GetMapping("/{id}/deliveries")
    Page<WebhookDelivery> deliveries(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(required = false) Integer limit) {
        return webhooks.deliveries(me.businessId(), id, PageRequest.of(cursor, limit));
    }
}
