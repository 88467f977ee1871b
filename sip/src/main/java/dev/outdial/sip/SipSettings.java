package dev.outdial.sip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the adapter reaches the carrier and where it listens; the application validates what an
 * operator typed and builds this, so every value here is already sound.
 *
 * @param listen         where SIP is received (UDP and TCP), e.g. 0.0.0.0:5060
 * @param publicAddress  the host written in Contact, Via and SDP: what the trunk and phones can reach
 * @param rtpPortFirst   the first RTP port (even); two ports a leg, RTP's even one and its RTCP's after it
 * @param rtpPortLast    the last RTP port of the range
 * @param trunk          the carrier's SIP address
 * @param transport      how the trunk is reached
 * @param trunkUsername  digest credentials offered when the trunk challenges (401/407), if any
 * @param trunkPassword  the password with {@code trunkUsername}
 * @param fromDomain     the host part of From and P-Asserted-Identity (the trunk's domain by default)
 * @param realm          the digest realm agents' phones authenticate in
 * @param keepAlive      how often the trunk is sent OPTIONS
 * @param callersFrom    where calls may come from: the carrier's addresses (often not the one Outdial calls through);
 *                       a call from anywhere else is refused. Empty (with a {@code trunkDomain} only): the addresses of
 *                       the trunks the domain names at the time
 * @param registration   how long Outdial asks the trunk to keep its registration (with the trunk's credentials), for a
 *                       carrier that sends its calls to where its customer registered; empty: Outdial does not register
 * @param numbers        how the carrier wants the number dialed and the caller ID written
 * @param mediaTimeout   how long an answered call's trunk side may send no audio before the call is taken for lost
 *                       and ended; empty: never
 * @param backupTrunk    the carrier's second trunk, which calls go to while {@code trunk} does not answer its
 *                       keep-alive, and where a call {@code trunk} cannot take is tried again
 * @param trunkDomain    the carrier's domain, where its DNS SRV records say where its trunks are (RFC 3263): the
 *                       Request-URI's host of what Outdial sends the carrier, which goes to those trunks;
 *                       {@code trunk} is then the domain itself at port 5060, unresolved, standing in for them
 *                       until the DNS names them
 * @param srtp           which calls' media must be SRTP (keyed in the SDP, RFC 4568); the others take SRTP where
 *                       the far end offers it
 * @param tls            SIP over TLS, for phones that register over it and a trunk reached over it; empty: none
 * @param rtcpInterval   the mean time between a call leg's RTCP reports (RFC 3550 §6.2)
 */
public record SipSettings(InetSocketAddress listen, String publicAddress, int rtpPortFirst, int rtpPortLast,
                          InetSocketAddress trunk, Transport transport, Optional<String> trunkUsername,
                          Optional<String> trunkPassword, String fromDomain, String realm, Duration keepAlive,
                          List<AddressBlock> callersFrom, Optional<Duration> registration, TrunkNumbers numbers,
                          Optional<Duration> mediaTimeout, Optional<InetSocketAddress> backupTrunk,
                          Optional<String> trunkDomain, Srtp srtp, Optional<SipTls> tls, Duration rtcpInterval) {

    /** How long a trunk's side of a call may be silent by default: a minute, as dialers' RTP timeouts commonly are. */
    public static final Duration DEFAULT_MEDIA_TIMEOUT = Duration.ofSeconds(60);

    public SipSettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(publicAddress, "publicAddress");
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(trunkUsername, "trunkUsername");
        Objects.requireNonNull(trunkPassword, "trunkPassword");
        Objects.requireNonNull(fromDomain, "fromDomain");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(keepAlive, "keepAlive");
        callersFrom = List.copyOf(callersFrom);
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(numbers, "numbers");
        Objects.requireNonNull(mediaTimeout, "mediaTimeout");
        Objects.requireNonNull(backupTrunk, "backupTrunk");
        Objects.requireNonNull(trunkDomain, "trunkDomain");
        Objects.requireNonNull(srtp, "srtp");
        Objects.requireNonNull(tls, "tls");
        if (rtcpInterval.isNegative() || rtcpInterval.isZero()) {
            throw new IllegalArgumentException("the RTCP interval must be positive, not " + rtcpInterval);
        }
        if (transport == Transport.TLS && tls.isEmpty()) {
            throw new IllegalArgumentException("a trunk reached over TLS needs Outdial's certificate");
        }
        if (tls.isPresent() && tls.get().port() == listen.getPort()) {
            throw new IllegalArgumentException("SIP over TLS needs a port of its own, not the UDP and TCP one");
        }
        if (callersFrom.isEmpty() && trunkDomain.isEmpty()) {
            throw new IllegalArgumentException("calls must be taken from somewhere: the trunk's address at least");
        }
        if (mediaTimeout.isPresent() && !mediaTimeout.get().isPositive()) {
            throw new IllegalArgumentException("the media timeout must be positive");
        }
        if (registration.isPresent() && trunkUsername.isEmpty()) {
            throw new IllegalArgumentException("registering with the trunk needs its user name and password");
        }
        if (rtpPortFirst < 1024 || rtpPortLast > 65535 || rtpPortFirst > rtpPortLast) {
            throw new IllegalArgumentException("RTP ports must be a range within 1024-65535");
        }
    }

    /** These settings with the trunk's side of a call allowed to be silent for {@code limit} ({@code mediaTimeout}). */
    public SipSettings withMediaTimeout(Optional<Duration> limit) {
        return new SipSettings(listen, publicAddress, rtpPortFirst, rtpPortLast, trunk, transport, trunkUsername,
                trunkPassword, fromDomain, realm, keepAlive, callersFrom, registration, numbers, limit, backupTrunk,
                trunkDomain, srtp, tls, rtcpInterval);
    }

    /** These settings with {@code backup} as the carrier's second trunk ({@code backupTrunk}). */
    public SipSettings withBackupTrunk(Optional<InetSocketAddress> backup) {
        return new SipSettings(listen, publicAddress, rtpPortFirst, rtpPortLast, trunk, transport, trunkUsername,
                trunkPassword, fromDomain, realm, keepAlive, callersFrom, registration, numbers, mediaTimeout, backup,
                trunkDomain, srtp, tls, rtcpInterval);
    }

    /** These settings with {@code required} saying whose calls must be SRTP ({@code srtp}). */
    public SipSettings withSrtp(Srtp required) {
        return new SipSettings(listen, publicAddress, rtpPortFirst, rtpPortLast, trunk, transport, trunkUsername,
                trunkPassword, fromDomain, realm, keepAlive, callersFrom, registration, numbers, mediaTimeout,
                backupTrunk, trunkDomain, required, tls, rtcpInterval);
    }

    /** The names the carrier goes by here, one of which its TLS certificate must carry: its domain, trunks' hosts. */
    public List<String> carrierNames() {
        List<String> names = new ArrayList<>();
        trunkDomain.ifPresent(names::add);
        names.add(trunk.getHostString());
        backupTrunk.ifPresent(backup -> names.add(backup.getHostString()));
        return names.stream().distinct().toList();
    }

    /** The port SIP is received on over {@code transport} (udp, tcp or tls, any case). */
    public int portFor(String transport) {
        return "tls".equalsIgnoreCase(transport) && tls.isPresent() ? tls.get().port() : listen.getPort();
    }

    /** Whether a call from {@code address} may be taken. */
    public boolean takesCallsFrom(InetAddress address) {
        return callersFrom.stream().anyMatch(block -> block.contains(address));
    }

    /**
     * Whose calls must have their media encrypted: the carrier's ({@code trunk}) and the agents' phones'
     * ({@code phones}). Outdial then offers SRTP alone and takes no call that would be plain RTP.
     */
    public record Srtp(boolean trunk, boolean phones) {

        /** SRTP where the far end offers it, plain RTP otherwise. */
        public static final Srtp WHERE_OFFERED = new Srtp(false, false);
    }

    /** How SIP reaches the trunk. */
    public enum Transport {
        UDP, TCP, TLS
    }
}
