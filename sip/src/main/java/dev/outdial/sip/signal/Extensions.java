package dev.outdial.sip.signal;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.Set;
import javax.sip.InvalidArgumentException;
import javax.sip.header.HeaderFactory;
import javax.sip.header.OptionTag;
import javax.sip.header.RequireHeader;
import javax.sip.header.SupportedHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The SIP extensions a message requires (its {@code Require} option tags, RFC 3261 20.32). Called, Outdial supports
 * session timers the far end refreshes ({@link #SESSION_TIMER}, RFC 4028) and no other (no reliable provisional
 * responses, no Replaces), so a request that requires any other is answered 420 listing them as {@code Unsupported}; a
 * carrier then typically tries again without. Calling, it acknowledges reliable provisional responses
 * ({@link #RELIABLE_PROVISIONALS}, RFC 3262) and refreshes the session where the far end makes it the refresher, and asks
 * for either of a trunk that refuses its INVITE without ({@code 421 Extension Required}).
 */
final class Extensions {

    private Extensions() {
    }

    /** Reliable provisional responses, acknowledged with PRACK (RFC 3262). */
    static final String RELIABLE_PROVISIONALS = "100rel";
    /** Session timers, refreshed with re-INVITEs or UPDATEs (RFC 4028). */
    static final String SESSION_TIMER = "timer";
    /** What Outdial calls with when a trunk requires it. */
    private static final Set<String> ASKED_FOR = Set.of(RELIABLE_PROVISIONALS, SESSION_TIMER);

    /** The option tags the message requires, as written; empty for nearly every message. */
    static List<String> required(Message message) {
        return tags(message, RequireHeader.NAME);
    }

    /** The option tags the message says its sender supports. */
    static List<String> supported(Message message) {
        return tags(message, SupportedHeader.NAME);
    }

    private static List<String> tags(Message message, String header) {
        List<String> tags = new ArrayList<>();
        ListIterator<?> headers = message.getHeaders(header);
        while (headers != null && headers.hasNext()) {
            String tag = ((OptionTag) headers.next()).getOptionTag();
            if (tag != null && !tag.isBlank()) {
                tags.add(tag.trim());
            }
        }
        return tags;
    }

    /** Of the extensions a request to Outdial requires, those it cannot do: all but session timers. */
    static List<String> unsupportedWhenCalled(List<String> required) {
        return required.stream().filter(tag -> !tag.equalsIgnoreCase(SESSION_TIMER)).toList();
    }

    /**
     * Of the extensions a trunk's 421 requires, those to call with from now on, where Outdial can do every one and has
     * not asked for them all already; empty where it cannot or did (the call then fails).
     */
    static List<String> toAskFor(List<String> required, Set<String> asked) {
        if (required.isEmpty() || !ASKED_FOR.containsAll(required) || asked.containsAll(required)) {
            return List.of();
        }
        return required.stream().filter(tag -> !asked.contains(tag)).distinct().toList();
    }

    /** {@code invite} again, requiring and supporting {@code tags} too; empty where it cannot be written. */
    static Optional<Request> requiring(Request invite, List<String> tags, HeaderFactory headers) {
        try {
            Request retry = Requests.again(invite);
            for (String tag : tags) {
                retry.addHeader(headers.createRequireHeader(tag));
                retry.addHeader(headers.createSupportedHeader(tag));
            }
            return Optional.of(retry);
        } catch (ParseException | InvalidArgumentException e) {
            return Optional.empty();
        }
    }

    /** Lists {@code tags} in the 420 as the extensions Outdial does not support. */
    static void unsupported(Response response, List<String> tags, HeaderFactory headers) {
        for (String tag : tags) {
            try {
                response.addHeader(headers.createUnsupportedHeader(tag));
            } catch (ParseException e) {
                throw new IllegalArgumentException("option tag " + tag + ": " + e.getMessage(), e);
            }
        }
    }
}
