package dev.outdial.dialing.internal;

import dev.outdial.sip.SipSettings;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code outdial.telephony.mode} ({@code sim} or {@code sip}) and, for real calls,
 * {@code outdial.telephony.sip.*}. Checked as the application starts: a wrong value stops it with
 * a message naming the setting. The SIP settings are checked only in sip mode, except the realm,
 * which agents' phone passwords are kept under in both modes. Read once: what was checked is what
 * the telephony runs with (the trunk's name is looked up, the certificate's files read, once).
 */
@ConfigurationProperties("outdial.telephony")
public final class TelephonyProperties {

    private final TelephonyMode mode;
    private final String realm;
    private final Optional<SipSettings> sipSettings;

    public TelephonyProperties(@DefaultValue("sim") String mode, @DefaultValue Sip sip) {
        this.mode = TelephonyMode.parse(mode);
        this.realm = SipSettingsParser.realm(sip.realm());
        this.sipSettings = this.mode == TelephonyMode.SIP ? Optional.of(SipSettingsParser.parse(sip))
                : Optional.empty();
    }

    public TelephonyMode telephonyMode() {
        return mode;
    }

    /** The validated SIP settings; only in sip mode. */
    public SipSettings sipSettings() {
        return sipSettings.orElseThrow(() -> new IllegalStateException("no SIP settings: outdial.telephony.mode is "
                + mode.setting()));
    }

    /** The digest realm agents' phones authenticate in; changing it means setting every phone password again. */
    public String realm() {
        return realm;
    }

    /**
     * {@code outdial.telephony.sip.*}.
     *
     * @param listen        host:port SIP is received on (UDP and TCP)
     * @param publicAddress the address written in Contact, Via and SDP; by default this machine's first
     *                      non-loopback address
     * @param rtpPorts      the RTP port range, e.g. 30000-31999 (even first port)
     * @param realm         the digest realm of agents' phones
     * @param keepAlive     how often the trunk is sent OPTIONS
     * @param mediaTimeout  how long an answered call's trunk side may send no audio before the call is taken for lost
     *                      and ended; 0 never ends one so
     * @param phoneSrtp     whether calls to agents' phones must be SRTP (offered alone: a phone that cannot refuses)
     * @param tls           SIP over TLS
     * @param rtcpInterval  the mean time between a call leg's RTCP reports
     */
    public record Sip(@DefaultValue("0.0.0.0:5060") String listen, String publicAddress,
                      @DefaultValue("30000-31999") String rtpPorts, @DefaultValue Trunk trunk,
                      @DefaultValue("outdial") String realm, @DefaultValue("30s") Duration keepAlive,
                      @DefaultValue("60s") Duration mediaTimeout, @DefaultValue("false") boolean phoneSrtp,
                      @DefaultValue Tls tls, @DefaultValue("5s") Duration rtcpInterval) {
    }

    /**
     * {@code outdial.telephony.sip.tls.*}: SIP over TLS, on when Outdial's certificate is given, as a key store or as
     * PEM files.
     *
     * @param port               the port TLS is received on
     * @param keyStore           the PKCS#12 (or JKS) file of Outdial's certificate and private key
     * @param keyStorePassword   its password (and its key's)
     * @param certificate        or: a PEM file of Outdial's certificate chain ({@code fullchain.pem})
     * @param privateKey         with it: the PEM file of its private key, PKCS#8 ({@code privkey.pem})
     * @param trustStore         a file of certificate authorities to trust beside the JDK's (a carrier's private CA)
     * @param trustStorePassword its password
     */
    public record Tls(@DefaultValue("5061") int port, String keyStore, String keyStorePassword, String certificate,
                      String privateKey, String trustStore, String trustStorePassword) {
    }

    /**
     * {@code outdial.telephony.sip.trunk.*}: the carrier.
     *
     * @param address    host:port of the carrier's SIP trunk (required in sip mode)
     * @param transport  udp, tcp or tls
     * @param username   digest user name the trunk may challenge for (with {@code password}, or neither)
     * @param password   its password
     * @param fromDomain host part of From; the trunk's host by default
     * @param inboundFrom the addresses or CIDR blocks the carrier's calls come from; the trunk's address by default
     * @param register   whether Outdial registers with the trunk (with its user name and password), for a carrier
     *                   that sends calls to where its customer registered
     * @param registerExpires how long each registration is asked to last; renewed before it lapses
     * @param numberFormat how the carrier wants the number dialed and the caller ID written: e164, digits, 00, national
     * @param dialPrefix what the carrier wants before the number dialed (a route or tech prefix), if anything
     * @param backupAddress host:port of the carrier's second trunk, which calls go to while the first does not answer
     * @param srtp       whether the carrier's calls must be SRTP (offered alone; a plain call is refused)
     */
    public record Trunk(String address, @DefaultValue("udp") String transport, String username, String password,
                        String fromDomain, String inboundFrom, @DefaultValue("false") boolean register,
                        @DefaultValue("600s") Duration registerExpires, @DefaultValue("e164") String numberFormat,
                        String dialPrefix, String backupAddress, @DefaultValue("false") boolean srtp) {
    }
}
