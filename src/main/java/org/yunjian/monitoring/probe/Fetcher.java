package org.yunjian.monitoring.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Fetches a page the way a monitor must face a site that may be hostile or broken: within {@link FetchLimits} (a body
 * cap the site cannot exceed, one deadline over connecting, headers, every redirect and the whole body — a slow drip
 * ends at the deadline), following redirects itself (the client is set to {@link HttpClient.Redirect#NEVER}) so that a
 * loop, a hop to a host not allowed or too many hops end as an {@link FetchOutcome outcome}. Only {@code http} and
 * {@code https}; {@code http} speaks HTTP/1.1 (no {@code h2c} upgrade, which servers in the wild mishandle), {@code
 * https} offers HTTP/2 by ALPN and falls back to 1.1. Nothing a site does makes {@link #fetch} throw.
 *
 * <p>One {@link HttpClient} per fetcher (its connections are reused), running on a fixed pool of daemon threads;
 * {@link #close()} stops them. Thread-safe.
 */
public final class Fetcher implements AutoCloseable {

    /** GET for a page, HEAD for a link's liveness. */
    public enum Method {
        GET,
        HEAD
    }

    /** Threads the client runs its work on: reading sockets is non-blocking, so few serve many fetches. */
    public static final int DEFAULT_THREADS = 4;
    /** A backstop for sockets still connecting after a fetch gave up at its own deadline. */
    private static final Duration CONNECT_BACKSTOP = Duration.ofSeconds(30);

    private final ExecutorService executor;
    private final HttpClient client;

    /** With the JDK's trusted certificates. */
    public Fetcher() {
        this(null, DEFAULT_THREADS);
    }

    /**
     * With {@code tls} deciding which certificates are trusted (null: the JDK's default), and {@code threads} for the
     * client's work.
     */
    public Fetcher(SSLContext tls, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "monitoring-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, daemons);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_BACKSTOP)
                .version(HttpClient.Version.HTTP_2);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
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
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .method(method.name(), HttpRequest.BodyPublishers.noBody())
                    .version(isHttps(uri) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .timeout(Duration.ofNanos(remaining))
                    .header("User-Agent", limits.userAgent())
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                    .build();
        } catch (IllegalArgumentException notAcceptable) {
            return new Hop(FetchResult.failed(FetchOutcome.BAD_URI, uri, 0), null);
        }
        AtomicReference<LimitedBody> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<LimitedBody.Received>> answer =
                client.sendAsync(request, LimitedBody.handler(limits.maxBodyBytes(), body::set));
        try {
            HttpResponse<LimitedBody.Received> response =
                    answer.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("location");
            if (status / 100 == 3 && location.isPresent()) {
                return new Hop(null, location.get());
            }
            String type = response.headers().firstValue("content-type").orElse("");
            LimitedBody.Received received = response.body();
            FetchOutcome outcome = received.truncated() ? FetchOutcome.TOO_LARGE : FetchOutcome.OK;
            return new Hop(FetchResult.of(outcome, status, uri, type, received.bytes(), 0), null);
        } catch (TimeoutException late) {
            return new Hop(stopped(answer, body.get(), uri), null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt(); // the caller stopped waiting: as a deadline, with what arrived
            return new Hop(stopped(answer, body.get(), uri), null);
        } catch (ExecutionException failed) {
            return new Hop(FetchResult.failed(outcomeOf(failed.getCause()), uri, 0), null);
        }
    }

    private static FetchResult stopped(
            CompletableFuture<HttpResponse<LimitedBody.Received>> answer, LimitedBody body, URI uri) {
        answer.cancel(true);
        if (body == null) {
            return FetchResult.failed(FetchOutcome.TIMEOUT, uri, 0);
        }
        body.cancel();
        return FetchResult.of(FetchOutcome.TIMEOUT, 0, uri, "", body.soFar(), 0);
    }

    /** What a failure of the exchange means, from its cause chain. */
    static FetchOutcome outcomeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof HttpTimeoutException) {
                return FetchOutcome.TIMEOUT;
            }
            if (t instanceof SSLException) {
                return FetchOutcome.TLS_FAILED;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        // refused, reset, a name that does not resolve, an answer that is not HTTP (ConnectException, IOException)
        return FetchOutcome.CONNECTION_FAILED;
    }

    private static boolean isHttps(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /** Stops the client's threads; fetches after this end as {@link FetchOutcome#CONNECTION_FAILED}. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
