package dev.outdial.sip.signal;

import dev.outdial.sip.InternalAddress;
import dev.outdial.sip.media.Codec;
import dev.outdial.sip.media.SrtpKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SDP Outdial writes and the little it reads of the far end's (RFC 4566, offer/answer RFC
 * 3264): one audio stream, G.711 µ-law and A-law, RFC 4733 telephone-events, as plain RTP
 * ({@code RTP/AVP}) or SRTP keyed by security descriptions ({@code RTP/SAVP} with {@code a=crypto}, RFC 4568).
 * Every leg's media is anchored here, so our SDP always names our own address and RTP port, never the other leg's.
 */
public final class Sdp {

    /** The payload type we offer for telephone-event/8000. */
    public static final int OUR_TELEPHONE_EVENT_TYPE = 101;
    private static final String OUR_CRYPTO_TAG = "1";

    private Sdp() {
    }

    /**
     * Our offer: PCMU and PCMA (in that order of preference) and telephone-event as type 101; as SRTP with our key
     * {@code encrypted} if given (SRTP only: a far end that cannot has no usable stream to answer with).
     */
    public static String offer(String address, int port, long sessionVersion, Optional<SrtpKey> encrypted) {
        return body(address, port, sessionVersion, List.of(Codec.PCMU, Codec.PCMA), OUR_TELEPHONE_EVENT_TYPE,
                Direction.SENDRECV, encrypted.map(key -> new Crypto(OUR_CRYPTO_TAG, key)));
    }

    /**
     * Our answer to {@code offered}: the codec the far end preferred, its telephone-event type if it offered one, and
     * the direction that matches its own (RFC 3264 6.1: a phone putting the call on hold offers sendonly, and is
     * answered recvonly); an SRTP offer is answered as SRTP with our key {@code ours}, of the suite it chose, under
     * the tag of the offer's attribute (RFC 4568 §5.1.2).
     */
    public static String answer(String address, int port, long sessionVersion, RemoteMedia offered,
                                Optional<SrtpKey> ours) {
        Optional<Crypto> crypto = offered.crypto().flatMap(theirs -> ours.map(key -> new Crypto(theirs.tag(), key)));
        if (offered.crypto().isPresent() != crypto.isPresent()) {
            throw new IllegalArgumentException("an SRTP offer is answered with a key, a plain one without");
        }
        return body(address, port, sessionVersion, List.of(offered.codec()), offered.telephoneEventType(),
                offered.direction().answered(), crypto);
    }

    private static String body(String address, int port, long version, List<Codec> codecs, int telephoneEventType,
                               Direction direction, Optional<Crypto> crypto) {
        StringBuilder formats = new StringBuilder();
        StringBuilder attributes = new StringBuilder();
        for (Codec codec : codecs) {
            formats.append(' ').append(codec.payloadType());
            attributes.append("a=rtpmap:").append(codec.payloadType()).append(' ').append(codec.encodingName()).append("/8000\r\n");
        }
        if (telephoneEventType >= 0) {
            formats.append(' ').append(telephoneEventType);
            attributes.append("a=rtpmap:").append(telephoneEventType).append(" telephone-event/8000\r\n")
                    .append("a=fmtp:").append(telephoneEventType).append(" 0-15\r\n");
        }
        return "v=0\r\n"
                + "o=outdial " + port + " " + version + " IN IP4 " + address + "\r\n"
                + "s=Outdial\r\n"
                + "c=IN IP4 " + address + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + port + (crypto.isPresent() ? " RTP/SAVP" : " RTP/AVP") + formats + "\r\n"
                + attributes
                + "a=ptime:20\r\n"
                + "a=" + direction.attribute() + "\r\n"
                + crypto.map(chosen -> "a=crypto:" + chosen.tag() + " " + chosen.key().attribute() + "\r\n").orElse("");
    }

    /**
     * Where and how the far end's audio goes: its address, the first codec of its list that we
     * speak, its telephone-event payload type (-1 when it offered none) and the stream's direction
     * (its own attribute, else the session's, else sendrecv; the address 0.0.0.0, the older way to
     * put a call on hold, RFC 3264 8.4, counts as one that takes no audio), and for SRTP the first of
     * its keys whose suite Outdial speaks, and where it takes RTCP if it says. Empty when the SDP has no usable audio
     * stream (none, port 0,
     * no G.711, or SRTP with no key Outdial can use).
     */
    public static Optional<RemoteMedia> parse(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            return Optional.empty();
        }
        String sessionHost = null;
        String mediaHost = null;
        int port = -1;
        List<String> formats = List.of();
        List<String[]> rtpmaps = new ArrayList<>();
        Direction sessionDirection = null;
        Direction mediaDirection = null;
        boolean inAudio = false;
        boolean secure = false;
        Crypto crypto = null;
        String[] control = null;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                if (port > 0) {
                    break;
                }
                String[] parts = line.substring(2).split("\\s+");
                secure = parts.length >= 4 && parts[2].equals("RTP/SAVP");
                inAudio = parts.length >= 4 && parts[0].equals("audio") && (parts[2].startsWith("RTP/AVP") || secure);
                if (inAudio) {
                    port = parseInt(parts[1]);
                    formats = List.of(parts).subList(3, parts.length);
                }
            } else if (line.startsWith("c=")) {
                String[] parts = line.substring(2).split("\\s+");
                String host = parts.length >= 3 ? parts[2].split("/")[0] : null;
                if (port < 0 && !inAudio) {
                    sessionHost = host;
                } else if (inAudio) {
                    mediaHost = host;
                }
            } else if (line.startsWith("a=") && Direction.of(line.substring(2)).isPresent()) {
                if (port < 0 && !inAudio) {
                    sessionDirection = Direction.of(line.substring(2)).get();
                } else if (inAudio) {
                    mediaDirection = Direction.of(line.substring(2)).get();
                }
            } else if (inAudio && secure && crypto == null && line.startsWith("a=crypto:")) {
                crypto = Crypto.parse(line.substring("a=crypto:".length())).orElse(null);
            } else if (inAudio && control == null && line.startsWith("a=rtcp:")) {
                control = line.substring("a=rtcp:".length()).trim().split("\\s+");
            } else if (inAudio && line.startsWith("a=rtpmap:")) {
                String[] parts = line.substring("a=rtpmap:".length()).split("\\s+", 2);
                if (parts.length == 2) {
                    rtpmaps.add(parts);
                }
            }
        }
        String host = mediaHost != null ? mediaHost : sessionHost;
        if (port <= 0 || host == null || secure && crypto == null) {
            return Optional.empty();
        }
        Codec codec = null;
        for (String format : formats) {
            codec = codecOf(format, rtpmaps);
            if (codec != null) {
                break;
            }
        }
        if (codec == null) {
            return Optional.empty();
        }
        int telephoneEvent = -1;
        for (String[] map : rtpmaps) {
            if (map[1].toLowerCase(Locale.ROOT).startsWith("telephone-event/8000") && formats.contains(map[0])) {
                telephoneEvent = parseInt(map[0]);
            }
        }
        Direction direction = mediaDirection != null ? mediaDirection
                : sessionDirection != null ? sessionDirection : Direction.SENDRECV;
        if (host.equals("0.0.0.0")) {
            direction = direction.withoutReceiving();
        }
        return Optional.of(new RemoteMedia(new InetSocketAddress(host, port), codec, telephoneEvent, direction,
                Optional.ofNullable(crypto), controlAddress(control, host)));
    }

    /**
     * RFC 3605's {@code a=rtcp:port [IN IP4 address]}: where the far end takes RTCP, at the media's host unless it
     * names another; empty where the attribute is absent or unreadable (the port after RTP's then, RFC 3550 §11).
     */
    private static Optional<InetSocketAddress> controlAddress(String[] attribute, String mediaHost) {
        if (attribute == null) {
            return Optional.empty();
        }
        int port = parseInt(attribute[0]);
        if (port <= 0 || port > 65535) {
            return Optional.empty();
        }
        String host = attribute.length >= 4 && attribute[1].equals("IN") ? attribute[3] : mediaHost;
        return Optional.of(new InetSocketAddress(host, port));
    }

    private static Codec codecOf(String format, List<String[]> rtpmaps) {
        for (String[] map : rtpmaps) {
            if (map[0].equals(format)) {
                String name = map[1].toUpperCase(Locale.ROOT);
                for (Codec codec : Codec.values()) {
                    if (name.startsWith(codec.encodingName() + "/8000")) {
                        return codec;
                    }
                }
                return null;
            }
        }
        // Static payload types need no rtpmap (RFC 3551).
        for (Codec codec : Codec.values()) {
            if (String.valueOf(codec.payloadType()).equals(format)) {
                return codec;
            }
        }
        return null;
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The far end's audio: where to send it, in which codec, its telephone-event payload type or -1, whether it
     * sends and takes audio, with SRTP the key it sends with, and where it takes RTCP if its SDP says.
     */
    public record RemoteMedia(InetSocketAddress address, Codec codec, int telephoneEventType, Direction direction,
                              Optional<Crypto> crypto, Optional<InetSocketAddress> control) {

        /** Whether the far end put the call on hold: it takes no audio from us. */
        public boolean holds() {
            return !direction.receives();
        }

        /**
         * This media as the platform reaches it, its far end's signalling having come from {@code signalledFrom}.
         * Where its SDP names an internal address (its own on a home or office network behind NAT, or one of the
         * platform's own network) but it signals from the internet, its audio and reports go to the host its
         * signalling came from, at the ports it names, until its first packets show where it is (symmetric RTP,
         * RFC 4961): never into the platform's network. A far end on an internal network itself is taken at its
         * word, as is one that names a public address (a carrier's media gateway is seldom its signalling host).
         */
        RemoteMedia reachedFrom(InetAddress signalledFrom) {
            if (InternalAddress.is(signalledFrom)) {
                return this;
            }
            return new RemoteMedia(toward(address, signalledFrom), codec, telephoneEventType, direction, crypto,
                    control.map(named -> toward(named, signalledFrom)));
        }

        private static InetSocketAddress toward(InetSocketAddress named, InetAddress signalledFrom) {
            InetAddress host = named.getAddress();
            boolean elsewhere = host != null && !host.isAnyLocalAddress() && InternalAddress.is(host);
            // 0.0.0.0 is an old-style hold (RFC 3264 §8.4), kept as it is: nothing is sent there
            return elsewhere ? new InetSocketAddress(signalledFrom, named.getPort()) : named;
        }
    }

    /** One {@code a=crypto} attribute: its tag (the answer names the offer's it chose) and its key. */
    public record Crypto(String tag, SrtpKey key) {

        /** The attribute's value ({@code <tag> <suite> <key parameters> [<session parameters>]}), if usable here. */
        static Optional<Crypto> parse(String value) {
            String[] parts = value.trim().split("\\s+");
            if (parts.length != 3 || !parts[0].matches("\\d{1,9}")) {
                return Optional.empty(); // session parameters (UNENCRYPTED_SRTP, KDR…) are not spoken here
            }
            return SrtpKey.fromAttribute(parts[1], parts[2]).map(key -> new Crypto(parts[0], key));
        }
    }

    /** A stream's direction from the side that wrote it (RFC 3264 5.1). */
    public enum Direction {
        SENDRECV, SENDONLY, RECVONLY, INACTIVE;

        static Optional<Direction> of(String attribute) {
            for (Direction direction : values()) {
                if (direction.attribute().equals(attribute.trim())) {
                    return Optional.of(direction);
                }
            }
            return Optional.empty();
        }

        String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean receives() {
            return this == SENDRECV || this == RECVONLY;
        }

        /** What the answer says to an offer of this direction: the same stream seen from the other side. */
        Direction answered() {
            return switch (this) {
                case SENDRECV -> SENDRECV;
                case SENDONLY -> RECVONLY;
                case RECVONLY -> SENDONLY;
                case INACTIVE -> INACTIVE;
            };
        }

        Direction withoutReceiving() {
            return switch (this) {
                case SENDRECV, SENDONLY -> SENDONLY;
                case RECVONLY, INACTIVE -> INACTIVE;
            };
        }
    }
}
