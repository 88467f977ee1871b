package dev.outdial.sip.signal;

import dev.outdial.sip.SipTls;
import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * The stack's sockets ({@code gov.nist.javax.sip.NETWORK_LAYER}): plain ones as the stack makes them by default, and
 * TLS ones with Outdial's certificate, trusting carriers as {@link CarrierTrust} says. The stack builds its network
 * layer itself, by name, so the TLS settings of each stack wait here under the stack's name until it asks
 * ({@link #setSipStack}).
 */
public final class TlsNetworkLayer implements NetworkLayer {

    private static final Map<String, Contexts> WAITING = new ConcurrentHashMap<>();

    private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
    private volatile Contexts contexts;

    /** The server's and the client's side: Outdial's certificate in both, the carrier's trust in the client's. */
    private record Contexts(SSLContext server, SSLContext client) {
    }

    /** The constructor the stack calls. */
    public TlsNetworkLayer() {
    }

    /**
     * The contexts the stack named {@code stackName} will use: its certificate, and whom it trusts; the certificate
     * they show, which a renewal replaces.
     */
    static ShownCertificate prepare(String stackName, SipTls tls, List<String> carrierNames)
            throws GeneralSecurityException {
        ShownCertificate shown = new ShownCertificate(tls.keyStore(), tls.keyStorePassword());
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(shown.asKeyManagers(), null, null); // phones show no certificate: none is asked for
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(shown.asKeyManagers(), new TrustManager[] {new CarrierTrust(tls.trusted(), carrierNames)}, null);
        WAITING.put(stackName, new Contexts(server, client));
        return shown;
    }

    /** The stack named {@code stackName} stopped, or never started: its contexts are dropped. */
    static void forget(String stackName) {
        WAITING.remove(stackName);
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        contexts = WAITING.get(stack.getStackName());
    }

    private Contexts contexts() throws IOException {
        Contexts prepared = contexts;
        if (prepared == null) {
            throw new IOException("SIP over TLS is not set up (outdial.telephony.sip.tls.*)");
        }
        return prepared;
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return (SSLServerSocket) contexts().server().getServerSocketFactory()
                .createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return (SSLSocket) contexts().client().getSocketFactory().createSocket(address, port);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return (SSLSocket) contexts().client().getSocketFactory().createSocket(address, port, myAddress, 0);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return plain.createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return plain.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return plain.createSocket(address, port, myAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return plain.createSocket(address, port, myAddress, myPort);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return plain.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress bindAddress) throws SocketException {
        return plain.createDatagramSocket(port, bindAddress);
    }
}
