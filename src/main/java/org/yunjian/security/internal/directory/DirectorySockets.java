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
 * the TLS session is layered on that guarded socket (host name checked). JNDI knows the factory only by class name and
 * opens the connection in the calling thread, so the policy is the calling thread's, set around each directory
 * operation ({@link #using}); outside one, every connection is refused.
 */
public final class DirectorySockets {

    static final int CONNECT_TIMEOUT_MS = 5_000;

    /** Outside {@link #using}: a dry run, which connects nowhere. */
    private static final OutboundPolicy NONE =
            OutboundPolicy.publicOnly("directories").observed(d -> {}, true);

    private static final ThreadLocal<OutboundPolicy> POLICY = new ThreadLocal<>();

    private DirectorySockets() {}

    /** Runs {@code work} (which opens LDAP connections in this thread) under {@code policy}. */
    static <T> T using(OutboundPolicy policy, java.util.function.Supplier<T> work) {
        OutboundPolicy before = POLICY.get();
        POLICY.set(policy);
        try {
            return work.get();
        } finally {
            if (before == null) {
                POLICY.remove();
            } else {
                POLICY.set(before);
            }
        }
    }

    static Socket connect(String host, int port) throws IOException {
        OutboundPolicy policy = POLICY.get() == null ? NONE : POLICY.get();
        IOException last = null;
        // names are resolved here; the policy judges each address as it is connected to
        InetAddress[] addresses = InetAddress.getAllByName(host);
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

    /**
     * A socket factory JNDI can name (it calls the class's static {@code getDefault()}): every way of asking for a
     * socket ends in {@link #open}, on the policy's socket.
     */
    private abstract static class Guarded extends SocketFactory {

        abstract Socket open(String host, int port) throws IOException;

        /** By address: its literal, so no name is looked up again (TLS needs the name: {@link Tls}). */
        Socket open(InetAddress address, int port) throws IOException {
            return open(address.getHostAddress(), port);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return open(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return open(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return open(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return open(address, port);
        }
    }

    /** Plain LDAP ({@code ldap://}, loopback only: {@link DirectoryConnection#providerAddress}). */
    public static final class Plain extends Guarded {

        private static final Plain INSTANCE = new Plain();

        public static SocketFactory getDefault() {
            return INSTANCE;
        }

        @Override
        Socket open(String host, int port) throws IOException {
            return connect(host, port);
        }
    }

    /** LDAP over TLS ({@code ldaps://}): the JDK's trust store, the host name checked as for HTTPS. */
    public static final class Tls extends Guarded {

        private static final Tls INSTANCE = new Tls();

        public static SocketFactory getDefault() {
            return INSTANCE;
        }

        @Override
        Socket open(InetAddress address, int port) throws IOException {
            return open(address.getHostName(), port);
        }

        @Override
        Socket open(String host, int port) throws IOException {
            Socket plain = connect(host, port);
            javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket)
                    ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
            javax.net.ssl.SSLParameters params = tls.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("LDAPS");
            tls.setSSLParameters(params);
            return tls;
        }
    }
}
