package dev.outdial.webhook.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The start of a delivery's data about one call: its id, and its campaign's id, or its queue's for a queue call. */
final class CallData {

    private CallData() {
    }

    static Map<String, Object> of(String callId, Long campaignId, Long queueId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callId", callId);
        if (campaignId != null) {
            data.put("campaignId", campaignId);
        } else {
            data.put("queueId", queueId);
        }
        return data;
    }
}
