package dev.outdial.sip.signal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The certificate Outdial shows in its TLS handshakes, as a servers' and a clients' key manager: replaced whole by
 * {@link #use}, after which every new handshake shows the new one (a connection already open keeps the one it was
 * made with, and a resumed session the one it began with).
 */
public final class ShownCertificate extends X509ExtendedKeyManager {

    /**
     * One certificate's key manager, numbered: the aliases handed out carry the number, so a handshake that chose
     * its alias just before a renewal still gets the chain and the key of the same certificate.
     */
    private record Generation(int number, X509ExtendedKeyManager keys, X509Certificate certificate) {

        String alias(String own) {
            return own == null ? null : number + "/" + own;
        }
    }

    private volatile Generation current;
    private volatile Generation previous;

    ShownCertificate(KeyStore keys, char[] password) throws GeneralSecurityException {
        current = generation(0, keys, password);
        previous = current;
    }

    /**
     * Shows the certificate of {@code keys} from now on.
     *
     * @throws GeneralSecurityException {@code keys} holds no certificate with a key {@code password} opens; the one
     *                                  shown stays
     */
    public synchronized void use(KeyStore keys, char[] password) throws GeneralSecurityException {
        Generation next = generation(current.number() + 1, keys, password);
        previous = current;
        current = next;
    }

    /** The certificate new handshakes show. */
    public X509Certificate certificate() {
        return current.certificate();
    }

    private static Generation generation(int number, KeyStore keys, char[] password)
            throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        X509ExtendedKeyManager manager = Arrays.stream(factory.getKeyManagers())
                .filter(X509ExtendedKeyManager.class::isInstance).map(X509ExtendedKeyManager.class::cast)
                .findFirst().orElseThrow(() -> new GeneralSecurityException("no X.509 key manager"));
        return new Generation(number, manager, firstCertificate(keys));
    }

    private static X509Certificate firstCertificate(KeyStore keys) throws GeneralSecurityException {
        for (String alias : Collections.list(keys.aliases())) {
            if (keys.isKeyEntry(alias) && keys.getCertificate(alias) instanceof X509Certificate x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the key store holds no certificate with a private key");
    }

    KeyManager[] asKeyManagers() {
        return new KeyManager[] {this};
    }

    /** The generation an alias handed out belongs to, and its own alias there; null for an alias never handed out. */
    private Map.Entry<X509ExtendedKeyManager, String> resolve(String alias) {
        int slash = alias == null ? -1 : alias.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String number = alias.substring(0, slash);
        for (Generation each : List.of(current, previous)) {
            if (number.equals(Integer.toString(each.number()))) {
                return Map.entry(each.keys(), alias.substring(slash + 1));
            }
        }
        return null;
    }

    private String[] aliases(String[] own, Generation of) {
        return own == null ? null : Arrays.stream(own).map(of::alias).toArray(String[]::new);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        Generation now = current;
        return aliases(now.keys().getClientAliases(keyType, issuers), now);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        Generation now = current;
        return now.alias(now.keys().chooseClientAlias(keyType, issuers, socket));
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        Generation now = current;
        return now.alias(now.keys().chooseEngineClientAlias(keyType, issuers, engine));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        Generation now = current;
        return aliases(now.keys().getServerAliases(keyType, issuers), now);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        Generation now = current;
        return now.alias(now.keys().chooseServerAlias(keyType, issuers, socket));
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        Generation now = current;
        return now.alias(now.keys().chooseEngineServerAlias(keyType, issuers, engine));
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Map.Entry<X509ExtendedKeyManager, String> resolved = resolve(alias);
        return resolved == null ? null : resolved.getKey().getCertificateChain(resolved.getValue());
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Map.Entry<X509ExtendedKeyManager, String> resolved = resolve(alias);
        return resolved == null ? null : resolved.getKey().getPrivateKey(resolved.getValue());
    }
}
