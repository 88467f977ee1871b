package dev.outdial.webhook.web;

import dev.outdial.campaign.CampaignAction;
import dev.outdial.campaign.CampaignStatus;
import dev.outdial.engine.customer.CallResult;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.engine.port.CallEnd;
import dev.outdial.web.ApiSchemas;
import dev.outdial.webhook.WebhookEvent;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The deliveries a webhook receives, in the OpenAPI 3.1 {@code webhooks} section: one POST per
 * event with its signed headers and the JSON body, so a receiver can be generated from the
 * document like a client.
 */
@Configuration
class WebhookApiDocs {

    @Bean
    OpenApiCustomizer webhookDeliveries() {
        return api -> {
            api.addWebhooks(WebhookEvent.CAMPAIGN_STATUS_CHANGED.wireName(), delivery("campaignStatusChanged",
                    WebhookEvent.CAMPAIGN_STATUS_CHANGED, ApiSchemas.object()
                            .addProperty("campaignId", ApiSchemas.int64())
                            .addProperty("from", ApiSchemas.nullable(ApiSchemas.enumOf(CampaignStatus.values())))
                            .addProperty("to", ApiSchemas.enumOf(CampaignStatus.values()))
                            .addProperty("action", ApiSchemas.enumOf(CampaignAction.values()))
                            .addProperty("actorId", ApiSchemas.nullable(ApiSchemas.int64())
                                    .description("The user who acted; null when the system did"))
                            .required(List.of("campaignId", "from", "to", "action", "actorId"))));
            api.addWebhooks(WebhookEvent.CALL_ENDED.wireName(), delivery("callEnded", WebhookEvent.CALL_ENDED,
                    ApiSchemas.object()
                            .addProperty("callId", ApiSchemas.string())
                            .addProperty("campaignId", ApiSchemas.int64())
                            .addProperty("customerId", ApiSchemas.int64())
                            .addProperty("externalId", ApiSchemas.nullable(ApiSchemas.string()))
                            .addProperty("number", ApiSchemas.string().description("E.164"))
                            .addProperty("agentId", ApiSchemas.nullable(ApiSchemas.int64()))
                            .addProperty("result", ApiSchemas.enumOf(CallResult.values()))
                            .addProperty("howEnded", ApiSchemas.nullable(ApiSchemas.enumOf(CallEnd.values()))
                                    .description("Who ended an answered call; null for one never answered"))
                            .addProperty("classification", ApiSchemas.nullable(ApiSchemas.int64())
                                    .description("Known at the end for an autocall IVR's result; else null"))
                            .addProperty("ringSeconds", ApiSchemas.int64())
                            .addProperty("talkSeconds", ApiSchemas.int64())
                            .addProperty("holdSeconds", ApiSchemas.int64()
                                    .description("How long the customer was on hold within the talk time"))
                            .addProperty("endedAt", ApiSchemas.string("date-time"))
                            .required(List.of("callId", "campaignId", "customerId", "externalId", "number", "agentId",
                                    "result", "howEnded", "classification", "ringSeconds", "talkSeconds",
                                    "holdSeconds", "endedAt"))));
            api.addWebhooks(WebhookEvent.CUSTOMER_STATUS_CHANGED.wireName(), delivery("customerStatusChanged",
                    WebhookEvent.CUSTOMER_STATUS_CHANGED, ApiSchemas.object()
                            .addProperty("campaignId", ApiSchemas.int64())
                            .addProperty("customerId", ApiSchemas.int64())
                            .addProperty("phone", ApiSchemas.string().description("E.164"))
                            .addProperty("externalId", ApiSchemas.nullable(ApiSchemas.string()))
                            .addProperty("from", ApiSchemas.enumOf(CustomerStatus.values()))
                            .addProperty("to", ApiSchemas.enumOf(CustomerStatus.values()))
                            .addProperty("attempts", ApiSchemas.int32())
                            .addProperty("cycleAttempts", ApiSchemas.int32())
                            .addProperty("at", ApiSchemas.string("date-time"))
                            .required(List.of("campaignId", "customerId", "phone", "externalId", "from", "to",
                                    "attempts", "cycleAttempts", "at"))));
            api.addWebhooks(WebhookEvent.CALL_RECORDED.wireName(), delivery("callRecorded", WebhookEvent.CALL_RECORDED,
                    aCall()
                            .addProperty("lengthMillis", ApiSchemas.int64())
                            .addProperty("sizeBytes", ApiSchemas.int64())
                            .addProperty("recordedAt", ApiSchemas.string("date-time"))
                            .addProperty("path", ApiSchemas.string()
                                    .description("Where the recording's audio/wav is, under the server's address"))
                            .required(List.of("callId", "lengthMillis", "sizeBytes", "recordedAt", "path"))));
            api.addWebhooks(WebhookEvent.CALL_QUALITY_MEASURED.wireName(), delivery("callQualityMeasured",
                    WebhookEvent.CALL_QUALITY_MEASURED, aCall()
                            .addProperty("customer", audio()
                                    .description("How the customer's audio reached Outdial from the carrier"))
                            .addProperty("agent", ApiSchemas.nullable(audio()).description(
                                    "How the agent's audio reached Outdial from their phone while bridged to the "
                                            + "customer; null where no phone was"))
                            .required(List.of("callId", "customer", "agent"))));
        };
    }

    /** A delivery's data about a campaign's call or a queue call: its id, and its campaign's or its queue's. */
    private static Schema<Object> aCall() {
        return ApiSchemas.object()
                .addProperty("callId", ApiSchemas.string())
                .addProperty("campaignId", ApiSchemas.int64()
                        .description("The campaign of a campaign's call; absent for a queue call"))
                .addProperty("queueId", ApiSchemas.int64()
                        .description("The queue of a queue call; absent for a campaign's call"));
    }

    /**
     * One side's audio: the schema the call activity's API has for it ({@code CallActivity.Audio}, which the payload
     * serialises), referred to rather than written again.
     */
    private static Schema<?> audio() {
        return new Schema<>().$ref("#/components/schemas/Audio");
    }

    private static PathItem delivery(String operationId, WebhookEvent event, Schema<?> data) {
        Schema<?> body = ApiSchemas.object()
                .addProperty("id", ApiSchemas.string("uuid").description("The event's id, the same on a retry"))
                .addProperty("type", ApiSchemas.enumOf(List.of(event.wireName())))
                .addProperty("createdAt", ApiSchemas.string("date-time"))
                .addProperty("data", data)
                .required(List.of("id", "type", "createdAt", "data"));
        return new PathItem().post(new Operation().operationId(operationId).tags(List.of("Webhook deliveries"))
                .summary("What a " + event.wireName() + " delivery POSTs to the webhook's URL")
                .addParametersItem(header("X-Outdial-Event", "The event type, e.g. " + event.wireName()))
                .addParametersItem(header("X-Outdial-Delivery", "The event's id; the same on a retry"))
                .addParametersItem(header("X-Outdial-Timestamp", "Unix seconds when this attempt was sent"))
                .addParametersItem(header("X-Outdial-Signature", "sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\" "
                        + "keyed with the whole secret, whsec_ prefix included>"))
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                        new MediaType().schema(body))))
                .responses(new ApiResponses().addApiResponse("2XX", new ApiResponse()
                        .description("Delivered; anything else is tried again (up to 8 attempts)"))));
    }

    private static HeaderParameter header(String name, String description) {
        HeaderParameter header = new HeaderParameter();
        header.name(name).description(description).required(true).schema(ApiSchemas.string());
        return header;
    }

}
