package dev.outdial.customer;

import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.settings.CallClassification;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.customer.internal.CustomerCounts;
import dev.outdial.engine.customer.CustomerStatus;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's progress from its maintained counts: a few dozen rows summed, however many
 * customers the campaign has.
 */
@Service
public class CampaignProgress {

    /** The inner ring's name for a reached customer the agent has not classified (yet). */
    public static final String UNCLASSIFIED = "UNCLASSIFIED";

    private final Campaigns campaigns;
    private final CallClassifications classifications;
    private final CustomerCounts counts;

    CampaignProgress(Campaigns campaigns, CallClassifications classifications, CustomerCounts counts) {
        this.campaigns = campaigns;
        this.classifications = classifications;
        this.counts = counts;
    }

    @Transactional(readOnly = true)
    public Progress of(long businessId, long campaignId) {
        campaigns.get(businessId, campaignId);
        Map<Long, String> names = classifications.list(businessId).stream()
                .collect(Collectors.toMap(CallClassification::id, CallClassification::name));
        Map<CustomerStatus, Long> byStatus = new EnumMap<>(CustomerStatus.class);
        Map<Progress.Kind, Builder> buckets = new EnumMap<>(Progress.Kind.class);
        for (Progress.Kind kind : Progress.Kind.values()) {
            buckets.put(kind, new Builder());
        }
        long total = 0;
        for (Map.Entry<CountKey, Long> count : counts.read(campaignId).entrySet()) {
            CountKey key = count.getKey();
            long customers = count.getValue();
            total += customers;
            byStatus.merge(key.shownStatus(), customers, Long::sum);
            buckets.get(Progress.Kind.of(key.status())).add(key, customers, names);
        }
        Map<String, Long> statuses = new LinkedHashMap<>();
        for (CustomerStatus status : CustomerStatus.values()) {
            statuses.put(status.name(), byStatus.getOrDefault(status, 0L));
        }
        return new Progress(total, statuses, buckets.entrySet().stream().collect(Collectors.toMap(
                entry -> entry.getKey().key(), entry -> entry.getValue().build(), (a, b) -> a, LinkedHashMap::new)));
    }

    private static final class Builder {

        private long total;
        private final Map<String, Long> byClassification = new LinkedHashMap<>();
        private final Map<String, Long> byResult = new LinkedHashMap<>();

        void add(CountKey key, long customers, Map<Long, String> names) {
            total += customers;
            if (key.reached()) {
                // A classification deleted since keeps its customers under its id rather than losing them.
                String name = key.classificationId() == CountKey.NONE_ID ? UNCLASSIFIED
                        : names.getOrDefault(key.classificationId(), "#" + key.classificationId());
                byClassification.merge(name, customers, Long::sum);
            } else {
                byResult.merge(key.lastResult(), customers, Long::sum);
            }
        }

        Progress.Bucket build() {
            return new Progress.Bucket(total, byClassification, byResult);
        }
    }
}
