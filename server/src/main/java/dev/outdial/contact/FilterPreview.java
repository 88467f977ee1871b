package dev.outdial.contact;

import java.util.List;

/** How many contacts a filter matches now, and the first of them to check it is the right one. */
public record FilterPreview(long count, List<Contact> sample) {

    public static final int SAMPLE_SIZE = 20;

    public FilterPreview {
        sample = List.copyOf(sample);
    }
}
