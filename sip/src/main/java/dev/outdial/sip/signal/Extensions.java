package dev.outdial.sip.signal;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The SIP extensions a request requires (its {@code Require} option tags, RFC 3261 20.32). Outdial supports none of
 * them (no reliable provisional responses, no session timers it refreshes, no Replaces), so a request that requires
 * any is answered 420 listing them as {@code Unsupported}; a carrier then typically tries again without.
 */
final class Extensions {

    private Extensions() {
    }

    /** The option tags the request requires, as written; empty for nearly every request. */
    static List<String> required(Request request) {
        List<String> tags = new ArrayList<>();
        ListIterator<?> headers = request.getHeaders(RequireHeader.NAME);
        while (headers != null && headers.hasNext()) {
            String tag = ((RequireHeader) headers.next()).getOptionTag();
            if (tag != null && !tag.isBlank()) {
                tags.add(tag.trim());
            }
        }
        return tags;
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
