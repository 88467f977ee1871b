package dev.outdial.sip.signal;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The SIP extensions a message requires (its {@code Require} option tags, RFC 3261 20.32). Called, Outdial supports
 * none of them (no reliable provisional responses, no session timers it refreshes, no Replaces), so a request that
 * requires any is answered 420 listing them as {@code Unsupported}; a carrier then typically tries again without.
 * Calling, it acknowledges reliable provisional responses ({@link #RELIABLE_PROVISIONALS}, RFC 3262) and asks for them
 * of a trunk that refuses its INVITE without ({@code 421 Extension Required}).
 */
final class Extensions {

    private Extensions() {
    }

    /** Reliable provisional responses, acknowledged with PRACK (RFC 3262). */
    static final String RELIABLE_PROVISIONALS = "100rel";

    /** The option tags the message requires, as written; empty for nearly every message. */
    static List<String> required(Message message) {
        List<String> tags = new ArrayList<>();
        ListIterator<?> headers = message.getHeaders(RequireHeader.NAME);
        while (headers != null && headers.hasNext()) {
            String tag = ((RequireHeader) headers.next()).getOptionTag();
            if (tag != null && !tag.isBlank()) {
                tags.add(tag.trim());
            }
        }
        return tags;
    }

    /** {@code invite} again, requiring and supporting {@code tag}; empty where it cannot be written. */
    static Optional<Request> requiring(Request invite, String tag, HeaderFactory headers) {
        try {
            Request retry = Requests.again(invite);
            retry.setHeader(headers.createRequireHeader(tag));
            retry.setHeader(headers.createSupportedHeader(tag));
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
