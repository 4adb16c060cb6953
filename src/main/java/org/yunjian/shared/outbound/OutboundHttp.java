package org.yunjian.shared.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP clients whose every connection obeys an {@link OutboundPolicy}: the host is resolved by {@link Resolver}, and
 * the socket of each connection attempt is the policy's ({@link OutboundPolicy#socket()}), which judges the very address
 * it is about to connect to — a redirect, a retry on the next address of a name or a name that resolves differently
 * the second time cannot slip past it. The clients follow no redirect, retry nothing, keep no cookies, send no
 * credentials, use no proxy and leave bodies as they came (no decompression), so what a probe records is what the
 * site sent.
 */
public final class OutboundHttp {

    /** Turns a host name into addresses (the system's resolver in production, a loopback DNS server in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;

        Resolver SYSTEM = InetAddress::getAllByName;
    }

    private OutboundHttp() {}

    /**
     * A client for {@code policy}, trusting what {@code tls} trusts (null: the JDK's default), with at most {@code
     * maxConnections} open connections, each given {@code connectTimeout} to connect.
     */
    public static CloseableHttpClient client(
            OutboundPolicy policy, SSLContext tls, Resolver resolver, int maxConnections, Duration connectTimeout) {
        SSLContext context = tls;
        if (context == null) {
            try {
                context = SSLContext.getDefault();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("no default TLS context", e);
            }
        }
        DnsResolver dns = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return resolver.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host; // never asked of DNS: the name as written is the one TLS checks
            }
        };
        DefaultHttpClientConnectionOperator operator = new DefaultHttpClientConnectionOperator(
                proxy -> policy.socket(),
                DefaultSchemePortResolver.INSTANCE,
                dns,
                RegistryBuilder.<TlsSocketStrategy>create()
                        .register(URIScheme.HTTPS.id, new DefaultClientTlsStrategy(context))
                        .build());
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(
                operator, PoolConcurrencyPolicy.STRICT, PoolReusePolicy.LIFO, TimeValue.ofMinutes(1), null);
        connections.setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .build());
        connections.setMaxTotal(maxConnections);
        connections.setDefaultMaxPerRoute(Math.max(2, maxConnections / 4));
        return HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }
}
