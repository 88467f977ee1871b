package dev.outdial.sip.signal;

import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Whom Outdial trusts when it connects over TLS, to the carrier: a certificate that a certificate authority of the
 * JDK's (or one the operator added: a carrier's private CA) vouches for, and that names the carrier as Outdial knows
 * it (its domain, or the trunk's host as given: a name, or an address), so that nobody on the path can stand in for it
 * with a certificate of their own (RFC 5922). A wildcard stands for one label, as in HTTPS.
 */
final class CarrierTrust extends X509ExtendedTrustManager {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private final List<X509TrustManager> authorities;
    private final List<String> carrierNames;

    CarrierTrust(Optional<KeyStore> alsoTrusted, List<String> carrierNames) throws GeneralSecurityException {
        this.authorities = new ArrayList<>(trustManagers(null));
        if (alsoTrusted.isPresent()) {
            authorities.addAll(trustManagers(alsoTrusted.get()));
        }
        this.carrierNames = List.copyOf(carrierNames);
    }

    private static List<X509TrustManager> trustManagers(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        List<X509TrustManager> found = new ArrayList<>();
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                found.add(x509);
            }
        }
        return found;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        CertificateException refused = null;
        for (X509TrustManager authority : authorities) {
            try {
                authority.checkServerTrusted(chain, authType);
                checkNamesTheCarrier(chain[0]);
                return;
            } catch (CertificateException e) {
                refused = e;
            }
        }
        throw refused != null ? refused : new CertificateException("no certificate authority is trusted");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    private void checkNamesTheCarrier(X509Certificate certificate) throws CertificateException {
        for (String name : namesOf(certificate)) {
            for (String carrier : carrierNames) {
                if (matches(name, carrier)) {
                    return;
                }
            }
        }
        throw new CertificateException("the certificate of " + certificate.getSubjectX500Principal().getName()
                + " does not name the carrier (" + String.join(", ", carrierNames) + ")");
    }

    /** The certificate's DNS names and addresses (subject alternative names), written as text. */
    private static List<String> namesOf(X509Certificate certificate) throws CertificateParsingException {
        List<String> names = new ArrayList<>();
        Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
        if (alternatives != null) {
            for (List<?> alternative : alternatives) {
                int type = (Integer) alternative.get(0);
                if (type == DNS_NAME || type == IP_ADDRESS) {
                    names.add(alternative.get(1).toString());
                }
            }
        }
        return names;
    }

    /** Whether the certificate's {@code name} is the carrier's {@code carrier}: the same host or address. */
    static boolean matches(String name, String carrier) {
        String host = carrier.toLowerCase(Locale.ROOT);
        String certified = name.toLowerCase(Locale.ROOT);
        if (isAddress(host) || isAddress(certified)) {
            return isAddress(host) && isAddress(certified)
                    && InetAddress.ofLiteral(host).equals(InetAddress.ofLiteral(certified));
        }
        if (certified.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(certified.substring(1));
        }
        return certified.equals(host);
    }

    private static boolean isAddress(String host) {
        try {
            InetAddress.ofLiteral(host);
            return true;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("Outdial connects to carriers; it takes no connection with this trust");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return authorities.stream().flatMap(authority -> Arrays.stream(authority.getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
    }
}
