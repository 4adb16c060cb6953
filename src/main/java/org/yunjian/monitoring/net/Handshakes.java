package org.yunjian.monitoring.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One TLS handshake with the JDK's own provider, bounded by a deadline, its outcome a value. Each attempt has an
 * {@link SSLContext} of its own, so no session is resumed and every attempt sees (and judges) the certificate.
 */
final class Handshakes {

    private Handshakes() {}

    enum Kind {
        DONE,
        CANNOT_CONNECT,
        TIMED_OUT,
        FAILED
    }

    /**
     * @param chain what the server presented (only by {@link #recording()} attempts)
     * @param certificateRefused the handshake failed because the client's trust manager, or the JDK's checks around
     *     it (host name, algorithm constraints), refused the certificate
     */
    record Attempt(Kind kind, String protocol, List<X509Certificate> chain, boolean certificateRefused) {}

    /** A trust manager that accepts every chain and keeps the last one it saw. */
    static Recorder recording() {
        return new Recorder();
    }

    /**
     * A trust manager that accepts every chain but is not an {@link X509ExtendedTrustManager}: the JDK wraps such a
     * one and applies, after it, the endpoint identification the socket asks for (RFC 2818/6125 host name matching,
     * wildcards included) and its certificate algorithm constraints.
     */
    static X509TrustManager acceptingUnderJdkChecks() {
        return new AcceptAll();
    }

    /** A handshake over {@code plain}, an unconnected socket of the outbound address policy. */
    static Attempt attempt(
            Socket plain,
            String host,
            InetSocketAddress address,
            Duration deadline,
            TrustManager trust,
            List<String> protocols,
            boolean identifyHost) {
        Recorder recorder = trust instanceof Recorder r ? r : null;
        try (Watchdog.Guard guard = Watchdog.closeAfter(plain, deadline)) {
            try {
                plain.connect(address, (int) Math.max(1, deadline.toMillis()));
            } catch (SocketTimeoutException e) {
                return new Attempt(Kind.TIMED_OUT, null, List.of(), false);
            } catch (IOException | RuntimeException e) {
                return new Attempt(guard.fired() ? Kind.TIMED_OUT : Kind.CANNOT_CONNECT, null, List.of(), false);
            }
            SSLSocket ssl = null;
            try {
                plain.setSoTimeout((int) Math.max(1, deadline.toMillis()));
                ssl = (SSLSocket) context(trust).getSocketFactory().createSocket(plain, host, address.getPort(), true);
                SSLParameters parameters = ssl.getSSLParameters();
                if (!protocols.isEmpty()) {
                    parameters.setProtocols(protocols.toArray(String[]::new));
                }
                if (identifyHost) {
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                }
                ssl.setSSLParameters(parameters);
                ssl.startHandshake();
                return new Attempt(
                        Kind.DONE,
                        ssl.getSession().getProtocol(),
                        recorder == null ? List.of() : recorder.chain(),
                        false);
            } catch (SocketTimeoutException e) {
                return new Attempt(Kind.TIMED_OUT, null, List.of(), false);
            } catch (IOException | RuntimeException e) {
                return guard.fired()
                        ? new Attempt(Kind.TIMED_OUT, null, List.of(), false)
                        : new Attempt(Kind.FAILED, null, List.of(), causedBy(e, CertificateException.class));
            } finally {
                Watchdog.closeQuietly(ssl);
            }
        } finally {
            Watchdog.closeQuietly(plain);
        }
    }

    /**
     * Whether this JDK can offer {@code protocol} at all: JDK 17 and later list TLS 1.0 and 1.1 (and SSLv3) among
     * {@code jdk.tls.disabledAlgorithms}, which no socket setting overrides; such a version is refused before any
     * byte is sent, so it is asked of a local engine, not of a server.
     */
    static boolean canOffer(String protocol) {
        try {
            SSLEngine engine = context(recording()).createSSLEngine();
            engine.setUseClientMode(true);
            if (!Arrays.asList(engine.getSupportedProtocols()).contains(protocol)) {
                return false;
            }
            engine.setEnabledProtocols(new String[] {protocol});
            ByteBuffer hello = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), hello);
            return hello.position() > 0;
        } catch (SSLException | RuntimeException refused) {
            return false;
        }
    }

    private static SSLContext context(TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS", e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static final class Recorder extends X509ExtendedTrustManager {
        private volatile List<X509Certificate> chain = List.of();

        List<X509Certificate> chain() {
            return chain;
        }

        private void record(X509Certificate[] presented) {
            chain = presented == null ? List.of() : List.of(presented.clone());
        }

        @Override
        public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket) {
            record(presented);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
            record(presented);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] presented, String authType) {
            record(presented);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] presented, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] presented, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
            throw new CertificateException("client");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static final class AcceptAll implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] presented, String authType) {
            // accepted: the JDK's wrapper around this trust manager does the checks the attempt is for
        }

        @Override
        public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
            throw new CertificateException("client");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
