package dev.outdial.dialing.internal;

import dev.outdial.engine.port.AgentUpdate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names and flat JSON payloads of the engine's updates to an agent, as the event stream sends them. */
final class AgentEvents {

    private AgentEvents() {
    }

    static String nameOf(AgentUpdate update) {
        return switch (update) {
            case AgentUpdate.CustomerOffered ignored -> "customer-offered";
            case AgentUpdate.OfferWithdrawn ignored -> "offer-withdrawn";
            case AgentUpdate.CallPlaced ignored -> "call-placed";
            case AgentUpdate.CallConnected ignored -> "call-answered";
            case AgentUpdate.CallEnded ignored -> "call-ended";
            case AgentUpdate.WrapUpStarted ignored -> "wrap-up";
        };
    }

    static Map<String, Object> payloadOf(AgentUpdate update) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("campaignId", update.campaignId());
        switch (update) {
            case AgentUpdate.CustomerOffered offered -> {
                payload.put("customerId", offered.customerId());
                payload.put("number", offered.number());
                offered.dialsAt().ifPresent(at -> payload.put("dialsAt", at.toString()));
            }
            case AgentUpdate.OfferWithdrawn withdrawn -> {
                payload.put("customerId", withdrawn.customerId());
                payload.put("reason", withdrawn.reason());
            }
            case AgentUpdate.CallPlaced placed -> {
                payload.put("callId", placed.call().value());
                payload.put("customerId", placed.customerId());
            }
            case AgentUpdate.CallConnected connected -> {
                payload.put("callId", connected.call().value());
                payload.put("customerId", connected.customerId());
            }
            case AgentUpdate.CallEnded ended -> {
                payload.put("callId", ended.call().value());
                payload.put("customerId", ended.customerId());
                payload.put("result", ended.result().name());
                payload.put("dispositionDue", ended.dispositionDue());
            }
            case AgentUpdate.WrapUpStarted wrapUp -> payload.put("until", wrapUp.until().toString());
        }
        return payload;
    }
}
