package dev.outdial.sip.signal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;

/**
 * A key pressed and signalled in a SIP INFO rather than in the media (RFC 4733): the way some PBXs, phones and older
 * carriers send keys. Two bodies are in use: {@code application/dtmf-relay} ({@code Signal=5}, a {@code Duration=}
 * line beside it) and {@code application/dtmf} (the key alone). Either may give the key as itself or as its RFC 4733
 * event code ({@code 10} for *, {@code 11} for #, 12–15 for A–D).
 */
final class InfoKeys {

    private static final String KEYS = "0123456789*#ABCD";

    private InfoKeys() {
    }

    /** The key the INFO signals; empty for an INFO that signals none (another body, or none). */
    static Optional<Character> of(Request info) {
        if (!(info.getHeader(ContentTypeHeader.NAME) instanceof ContentTypeHeader type)
                || !"application".equalsIgnoreCase(type.getContentType())) {
            return Optional.empty();
        }
        String body = info.getRawContent() == null ? "" : new String(info.getRawContent(), StandardCharsets.UTF_8);
        return switch (type.getContentSubType().toLowerCase(Locale.ROOT)) {
            case "dtmf-relay" -> body.lines().map(String::strip)
                    .filter(line -> line.regionMatches(true, 0, "Signal=", 0, 7))
                    .findFirst().flatMap(line -> key(line.substring(7)));
            case "dtmf" -> key(body);
            default -> Optional.empty();
        };
    }

    private static Optional<Character> key(String written) {
        String value = written.strip().toUpperCase(Locale.ROOT);
        if (value.length() == 1 && KEYS.indexOf(value.charAt(0)) >= 0) {
            return Optional.of(value.charAt(0));
        }
        if (value.matches("1[0-5]")) {
            return Optional.of(KEYS.charAt(Integer.parseInt(value)));
        }
        return Optional.empty();
    }
}
