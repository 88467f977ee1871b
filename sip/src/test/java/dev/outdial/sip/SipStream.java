package dev.outdial.sip;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** SIP messages read off a stream connection (TCP, TLS) by a test's own carrier or phone. */
final class SipStream {

    private SipStream() {
    }

    /** One message's lines (its body skipped), or null at the connection's end. */
    static List<String> read(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null && !(line.isEmpty() && !lines.isEmpty())) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        if (line == null) {
            return null;
        }
        int length = lines.stream().filter(header -> header.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .map(header -> Integer.parseInt(header.substring(header.indexOf(':') + 1).trim()))
                .findFirst().orElse(0);
        in.skip(length);
        return lines;
    }
}
