package dev.outdial.customer.web;

import dev.outdial.customer.CampaignProgress;
import dev.outdial.customer.CountKey;
import dev.outdial.customer.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The nested pie chart as the page draws it: the outer ring's buckets and, bucket by bucket in
 * the same order, the inner ring's classifications and results, all labelled in the user's language.
 */
public record ProgressView(long total, List<Segment> buckets, List<Segment> details) {

    /** One slice: {@code bucket} is the outer slice's index, so the inner ring lines up with it and takes its colour. */
    public record Segment(String key, String label, long count, int bucket) {
    }

    static ProgressView of(Progress progress, MessageSource messages, Locale locale) {
        List<Segment> buckets = new ArrayList<>();
        List<Segment> details = new ArrayList<>();
        Progress.Kind[] kinds = Progress.Kind.values();
        for (int index = 0; index < kinds.length; index++) {
            String key = kinds[index].key();
            Progress.Bucket bucket = progress.buckets().get(key);
            buckets.add(new Segment(key, messages.getMessage("progress.bucket." + key, null, key, locale),
                    bucket.total(), index));
            for (Map.Entry<String, Long> entry : bucket.byClassification().entrySet()) {
                String name = CampaignProgress.UNCLASSIFIED.equals(entry.getKey())
                        ? messages.getMessage("progress.unclassified", null, entry.getKey(), locale) : entry.getKey();
                details.add(new Segment(key + "." + entry.getKey(), name, entry.getValue(), index));
            }
            for (Map.Entry<String, Long> entry : bucket.byResult().entrySet()) {
                String code = CountKey.NOT_CALLED.equals(entry.getKey()) ? "progress.not-called"
                        : "call-result." + entry.getKey();
                details.add(new Segment(key + "." + entry.getKey(),
                        messages.getMessage(code, null, entry.getKey(), locale), entry.getValue(), index));
            }
        }
        return new ProgressView(progress.total(), buckets, details);
    }

    /** The inner slices of one bucket, for the legend. */
    public List<Segment> detailsOf(Segment bucket) {
        return details.stream().filter(detail -> detail.bucket() == bucket.bucket()).toList();
    }
}
