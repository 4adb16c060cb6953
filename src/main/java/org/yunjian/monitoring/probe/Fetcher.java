package org.yunjian.monitoring.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.yunjian.shared.outbound.OutboundHttp;
import org.yunjian.shared.outbound.OutboundPolicy;
import org.yunjian.shared.outbound.RefusedAddressException;

/**
 * Fetches a page the way a monitor must face a site that may be hostile or broken: within {@link FetchLimits} (a body
 * cap the site cannot exceed, one deadline over connecting, headers, every redirect and the whole body — a slow drip
 * ends at the deadline), following redirects itself (the client follows none) so that a loop, a hop to a host not
 * allowed or too many hops end as an {@link FetchOutcome outcome}. Only {@code http} and {@code https}, over HTTP/1.1.
 * Nothing a site does makes {@link #fetch} throw.
 *
 * <p>Every connection, redirects included, obeys the {@link OutboundPolicy} it is made with: the address each socket is
 * about to connect to is judged there, after resolution ({@link OutboundHttp}); a refused one ends the fetch as
 * {@link FetchOutcome#BLOCKED_ADDRESS} with nothing sent.
 *
 * <p>One HTTP client per fetcher (its connections are reused); each exchange runs on a daemon thread while the caller
 * waits until the deadline, when the exchange is cancelled (its connection closed). {@link #close()} stops them.
 * Thread-safe.
 */
public final class Fetcher implements AutoCloseable {

    /** GET for a page, HEAD for a link's liveness. */
    public enum Method {
        GET,
        HEAD
    }

    /** Connections kept open per {@code threads} unit of {@link #Fetcher(SSLContext, int, OutboundPolicy, OutboundHttp.Resolver)}. */
    public static final int DEFAULT_THREADS = 4;

    private static final int CHUNK = 16 * 1024;
    /** A backstop for sockets still connecting after a fetch gave up at its own deadline (which cancels them). */
    private static final java.time.Duration CONNECT_BACKSTOP = java.time.Duration.ofSeconds(30);

    private final ExecutorService executor;
    private final CloseableHttpClient client;

    /** With the JDK's trusted certificates, connecting where {@code policy} allows (names by the system's resolver). */
    public Fetcher(OutboundPolicy policy) {
        this(null, DEFAULT_THREADS, policy, OutboundHttp.Resolver.SYSTEM);
    }

    /**
     * With {@code tls} deciding which certificates are trusted (null: the JDK's default), a pool sized by {@code
     * threads}, every connection judged by {@code policy} on the address {@code resolver} gave.
     */
    public Fetcher(SSLContext tls, int threads, OutboundPolicy policy, OutboundHttp.Resolver resolver) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "monitoring-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(daemons);
        this.client = OutboundHttp.client(policy, tls, resolver, Math.max(16, threads * 8), CONNECT_BACKSTOP);
    }

    /** GET {@code uri} within {@code limits}. */
    public FetchResult fetch(URI uri, FetchLimits limits) {
        return fetch(Method.GET, uri, limits);
    }

    /** {@code method} on {@code uri} within {@code limits}; never throws for anything the site does. */
    public FetchResult fetch(Method method, URI uri, FetchLimits limits) {
        long began = System.nanoTime();
        long deadline = began + limits.deadline().toNanos();
        if (uri == null || !WebAddress.isWeb(uri)) {
            return FetchResult.failed(FetchOutcome.BAD_URI, uri == null ? URI.create("") : uri, 0);
        }
        if (executor.isShutdown()) {
            return FetchResult.failed(FetchOutcome.CONNECTION_FAILED, uri, 0);
        }
        try {
            return follow(method, uri, limits, deadline).withElapsed(millisSince(began));
        } catch (RuntimeException unexpected) {
            // a defect of the JDK's client or of this class must not become the site's exception either
            return FetchResult.failed(FetchOutcome.CONNECTION_FAILED, uri, millisSince(began));
        }
    }

    private FetchResult follow(Method method, URI start, FetchLimits limits, long deadline) {
        Set<URI> visited = new HashSet<>();
        URI current = start;
        visited.add(WebAddress.canonical(current));
        int redirects = 0;
        while (true) {
            Hop hop = exchange(method, current, limits, deadline);
            if (hop.result() != null) {
                return hop.result();
            }
            Optional<URI> next = WebAddress.resolve(current, hop.location());
            if (next.isEmpty() || !WebAddress.isWeb(next.get())) {
                return FetchResult.failed(FetchOutcome.BAD_URI, current, 0);
            }
            URI target = next.get();
            if (!visited.add(WebAddress.canonical(target))) {
                return FetchResult.failed(FetchOutcome.REDIRECT_LOOP, target, 0);
            }
            if (!limits.allowsRedirect(start, target)) {
                return FetchResult.failed(FetchOutcome.REDIRECT_OFF_HOST, target, 0);
            }
            if (++redirects > limits.maxRedirects()) {
                return FetchResult.failed(FetchOutcome.TOO_MANY_REDIRECTS, target, 0);
            }
            current = target;
        }
    }

    /** One request: either a result, or the location of a redirect to follow. */
    private record Hop(FetchResult result, String location) {}

    private Hop exchange(Method method, URI uri, FetchLimits limits, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return new Hop(FetchResult.failed(FetchOutcome.TIMEOUT, uri, 0), null);
        }
        HttpUriRequestBase request;
        try {
            request = new HttpUriRequestBase(method.name(), uri);
        } catch (IllegalArgumentException notAcceptable) {
            return new Hop(FetchResult.failed(FetchOutcome.BAD_URI, uri, 0), null);
        }
        Timeout wait = Timeout.ofMilliseconds(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        request.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(wait)
                .setResponseTimeout(wait)
                .build());
        request.setHeader("User-Agent", limits.userAgent());
        request.setHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        Body body = new Body(limits.maxBodyBytes());
        Future<Hop> answer;
        try {
            answer = executor.submit(() -> send(request, uri, body));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return new Hop(FetchResult.failed(FetchOutcome.CONNECTION_FAILED, uri, 0), null);
        }
        try {
            return answer.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            return new Hop(stopped(request, answer, body, uri), null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt(); // the caller stopped waiting: as a deadline, with what arrived
            return new Hop(stopped(request, answer, body, uri), null);
        } catch (ExecutionException failed) {
            return new Hop(FetchResult.failed(outcomeOf(failed.getCause()), uri, 0), null);
        }
    }

    private Hop send(HttpUriRequestBase request, URI uri, Body body) throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        try {
            int status = response.getCode();
            Header location = response.getFirstHeader("Location");
            if (status / 100 == 3 && location != null) {
                request.cancel(); // followed, not read: the hop ends at its headers
                return new Hop(null, location.getValue());
            }
            Header type = response.getFirstHeader("Content-Type");
            HttpEntity entity = response.getEntity();
            boolean truncated = entity != null && body.read(entity.getContent());
            if (truncated) {
                request.cancel(); // the rest is never read: the connection is closed, not drained
            }
            FetchOutcome outcome = truncated ? FetchOutcome.TOO_LARGE : FetchOutcome.OK;
            return new Hop(
                    FetchResult.of(outcome, status, uri, type == null ? "" : type.getValue(), body.soFar(), 0), null);
        } finally {
            try {
                response.close();
            } catch (IOException | RuntimeException afterCancel) {
                // a cancelled exchange's connection is already closed: what was read stands
            }
        }
    }

    private static FetchResult stopped(HttpUriRequestBase request, Future<Hop> answer, Body body, URI uri) {
        request.cancel(); // closes the connection: a blocked read ends
        answer.cancel(true);
        byte[] arrived = body.soFar();
        return arrived.length == 0
                ? FetchResult.failed(FetchOutcome.TIMEOUT, uri, 0)
                : FetchResult.of(FetchOutcome.TIMEOUT, 0, uri, "", arrived, 0);
    }

    /**
     * A body kept up to a limit, one chunk at a time: at the first byte past it reading stops (a 1 GB answer costs
     * the limit and a socket buffer); what arrived stays readable when the deadline cuts a slow drip short.
     */
    private static final class Body {
        private final long limit;
        private final java.io.ByteArrayOutputStream kept;

        Body(long limit) {
            this.limit = limit;
            this.kept = new java.io.ByteArrayOutputStream((int) Math.min(limit, CHUNK));
        }

        /** Reads {@code in} up to the limit; true when more was offered. */
        boolean read(InputStream in) throws IOException {
            byte[] chunk = new byte[CHUNK];
            while (true) {
                int n = in.read(chunk);
                if (n < 0) {
                    return false;
                }
                synchronized (this) {
                    long room = limit - kept.size();
                    if (n > room) {
                        kept.write(chunk, 0, (int) room);
                        return true;
                    }
                    kept.write(chunk, 0, n);
                }
            }
        }

        synchronized byte[] soFar() {
            return kept.toByteArray();
        }
    }

    /** What a failure of the exchange means, from its cause chain. */
    static FetchOutcome outcomeOf(Throwable failure) {
        if (RefusedAddressException.in(failure)) {
            return FetchOutcome.BLOCKED_ADDRESS;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException || t instanceof SocketTimeoutException) {
                return FetchOutcome.TIMEOUT;
            }
            if (t instanceof SSLException) {
                return FetchOutcome.TLS_FAILED;
            }
            if (t instanceof InterruptedIOException) {
                return FetchOutcome.TIMEOUT;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        // refused, reset, a name that does not resolve, an answer that is not HTTP (ConnectException, IOException)
        return FetchOutcome.CONNECTION_FAILED;
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /** Stops the client's threads; fetches after this end as {@link FetchOutcome#CONNECTION_FAILED}. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            client.close();
        } catch (IOException ignored) {
            // closing the pool's sockets: nothing to report
        }
    }
}
