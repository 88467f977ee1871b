package dev.outdial.sip.media;

import java.util.Objects;

/** The keys of a leg's SRTP: {@code ours}, that Outdial sends with, and {@code theirs}, that the far end sends with. */
public record SrtpKeys(SrtpKey ours, SrtpKey theirs) {

    public SrtpKeys {
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(theirs, "theirs");
    }
}
