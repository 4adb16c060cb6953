package org.yunjian.monitoring.probe;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * What one fetch may cost, whatever the site does: at most {@code maxBodyBytes} of body kept (the rest is never read),
 * everything — connecting, the headers, every redirect and the whole body — within {@code deadline}, at most
 * {@code maxRedirects} redirects, and those only to the start address's host or to one of {@code redirectHosts} (or to
 * any host when {@code redirectsToAnyHost}). Hosts are compared by name, without the port ({@link WebAddress}).
 */
public record FetchLimits(
        long maxBodyBytes,
        Duration deadline,
        int maxRedirects,
        Set<String> redirectHosts,
        boolean redirectsToAnyHost,
        String userAgent) {

    public static final long DEFAULT_MAX_BODY_BYTES = 2L * 1024 * 1024;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    /** Names the platform to the site's operators, who see it in their logs. */
    public static final String DEFAULT_USER_AGENT = "Yunjian-Monitor/1.0";

    public FetchLimits {
        if (maxBodyBytes <= 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes);
        }
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline " + deadline);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects " + maxRedirects);
        }
        redirectHosts = WebAddress.normaliseHosts(Objects.requireNonNull(redirectHosts, "redirectHosts"));
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("userAgent");
        }
    }

    /** 2 MiB, 10 s, 5 redirects on the start host, {@value #DEFAULT_USER_AGENT}. */
    public static FetchLimits defaults() {
        return new FetchLimits(
                DEFAULT_MAX_BODY_BYTES, DEFAULT_DEADLINE, DEFAULT_MAX_REDIRECTS, Set.of(), false, DEFAULT_USER_AGENT);
    }

    public FetchLimits withMaxBodyBytes(long bytes) {
        return new FetchLimits(bytes, deadline, maxRedirects, redirectHosts, redirectsToAnyHost, userAgent);
    }

    public FetchLimits withDeadline(Duration total) {
        return new FetchLimits(maxBodyBytes, total, maxRedirects, redirectHosts, redirectsToAnyHost, userAgent);
    }

    public FetchLimits withMaxRedirects(int redirects) {
        return new FetchLimits(maxBodyBytes, deadline, redirects, redirectHosts, redirectsToAnyHost, userAgent);
    }

    /** Redirects may also go to these hosts (names, no ports), besides the start address's host. */
    public FetchLimits withRedirectHosts(Collection<String> hosts) {
        return new FetchLimits(maxBodyBytes, deadline, maxRedirects, Set.copyOf(hosts), false, userAgent);
    }

    /** Redirects may go to any host (checking a link elsewhere, which may well move to another host). */
    public FetchLimits withRedirectsToAnyHost() {
        return new FetchLimits(maxBodyBytes, deadline, maxRedirects, redirectHosts, true, userAgent);
    }

    public FetchLimits withUserAgent(String agent) {
        return new FetchLimits(maxBodyBytes, deadline, maxRedirects, redirectHosts, redirectsToAnyHost, agent);
    }

    /** Whether a redirect of a fetch that started at {@code start} may go to {@code target}. */
    boolean allowsRedirect(URI start, URI target) {
        if (redirectsToAnyHost) {
            return true;
        }
        String host = WebAddress.host(target);
        return host != null && (host.equals(WebAddress.host(start)) || redirectHosts.contains(host));
    }
}
