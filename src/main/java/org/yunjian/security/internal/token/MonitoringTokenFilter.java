package org.yunjian.security.internal.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yunjian.security.internal.Problems;
import org.yunjian.security.internal.SecurityConfig;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/**
 * The monitoring credential: a request to {@code /actuator/…} that carries {@code Authorization: Bearer <token>}
 * is let in with the {@link #AUTHORITY MONITORING} authority — for this request only, no session — when the
 * SHA-256 of the token equals {@code yunjian.monitoring.token-sha256}. Only the hash is configured, so the
 * configuration does not hold the secret; a wrong token is refused with 401 and recorded in the audit log (a
 * right one is not: Prometheus scrapes every few seconds). Without a configured hash the header is ignored and
 * only a logged-in system administrator reaches the metrics.
 */
public class MonitoringTokenFilter extends OncePerRequestFilter {

    public static final String AUTHORITY = "MONITORING";
    static final String PRINCIPAL = "monitoring";

    private final byte[] expected;
    private final ApplicationEventPublisher events;

    public MonitoringTokenFilter(String tokenSha256, ApplicationEventPublisher events) {
        this.expected = tokenSha256 == null || tokenSha256.isBlank()
                ? null
                : HexFormat.of().parseHex(tokenSha256.trim().toLowerCase(java.util.Locale.ROOT));
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return expected == null
                || !SecurityConfig.ACTUATOR_PATHS.matches(request)
                || header == null
                || !header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader("Authorization").substring(7).trim();
        if (!MessageDigest.isEqual(sha256(token), expected)) {
            events.publishEvent(AuditableEvent.failure(
                            "monitoring.denied",
                            "endpoint",
                            request.getRequestURI(),
                            Msg.of("cluster.audit.monitoring.wrongToken"))
                    .withActor(PRINCIPAL));
            Problems.write(
                    response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "cluster.problem.monitoringToken");
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                PRINCIPAL, null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
