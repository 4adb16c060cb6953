package org.yunjian.security.internal.directory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.yunjian.shared.outbound.OutboundPolicy;

/**
 * The sockets JNDI opens to an organisation's LDAP server ({@code java.naming.ldap.factory.socket} names one of these
 * classes; JNDI calls their static {@code getDefault()}): each connection attempt is judged by the directories'
 * outbound policy ({@link OutboundPolicy#socket()}) on the address it is about to connect to, and for {@code ldaps}
 * the TLS session is layered on that guarded socket (host name checked). JNDI knows the factory only by class name, so
 * the policy is set once at start-up ({@link #use}); until then every connection is refused.
 */
public final class DirectorySockets {

    static final int CONNECT_TIMEOUT_MS = 5_000;

    private static volatile OutboundPolicy policy =
            OutboundPolicy.publicOnly("directories").observed(d -> {}, true);

    private DirectorySockets() {}

    static void use(OutboundPolicy p) {
        policy = p;
    }

    static Socket connect(String host, int port) throws IOException {
        IOException last = null;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw e;
        }
        for (InetAddress a : addresses) {
            Socket s = policy.socket();
            try {
                s.connect(new InetSocketAddress(a, port), CONNECT_TIMEOUT_MS);
                return s;
            } catch (IOException e) {
                s.close();
                last = e;
            }
        }
        throw last != null ? last : new UnknownHostException(host);
    }

    /** Plain LDAP ({@code ldap://}, loopback only: {@link DirectoryConnection#providerAddress}). */
    public static final class Plain extends SocketFactory {

        private static final Plain INSTANCE = new Plain();

        public static SocketFactory getDefault() {
            return INSTANCE;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connect(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connect(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connect(host.getHostAddress(), port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connect(address.getHostAddress(), port);
        }
    }

    /** LDAP over TLS ({@code ldaps://}): the JDK's trust store, the host name checked as for HTTPS. */
    public static final class Tls extends SocketFactory {

        private static final Tls INSTANCE = new Tls();

        public static SocketFactory getDefault() {
            return INSTANCE;
        }

        private static Socket layered(String host, int port) throws IOException {
            Socket plain = connect(host, port);
            javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket)
                    ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
            javax.net.ssl.SSLParameters params = tls.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("LDAPS");
            tls.setSSLParameters(params);
            return tls;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return layered(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return layered(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return layered(host.getHostName(), port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return layered(address.getHostName(), port);
        }
    }
}
