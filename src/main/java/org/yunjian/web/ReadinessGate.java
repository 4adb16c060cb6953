package org.yunjian.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

/**
 * The server answers once it is ready. Tomcat opens its port when the context is refreshed, before Spring Boot runs
 * the application runners (the demo seeding, {@code @Order} 10–60) and the ready listeners (first administrator,
 * inbox rebuild); a request in between found a half-seeded demo. Until Spring Boot declares the application
 * {@link ReadinessState#ACCEPTING_TRAFFIC} (after all of them), each request waits here — at most
 * {@code yunjian.web.startup-wait} (2 minutes), then 503 — so the first page a newcomer sees is the seeded one. The
 * health probes answer at once ({@code /actuator/health/readiness} says OUT_OF_SERVICE meanwhile). When ready, the
 * console names the address to open, in the language of the machine's locale.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadinessGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ReadinessGate.class);

    private final CountDownLatch ready = new CountDownLatch(1);
    private final Duration patience;
    private volatile boolean closing;

    ReadinessGate(@Value("${yunjian.web.startup-wait:2m}") Duration patience) {
        this.patience = patience;
    }

    @EventListener
    void availability(AvailabilityChangeEvent<?> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && ready.getCount() > 0) {
            ready.countDown();
            announce(event.getSource() instanceof ApplicationContext context ? context : null);
        }
    }

    @EventListener
    void closing(ContextClosedEvent event) {
        closing = true;
        ready.countDown(); // a request still waiting is answered 503, not left to hold up the shutdown
    }

    boolean isOpen() {
        return ready.getCount() == 0 && !closing;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ready.getCount() > 0
                && !request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health")) {
            try {
                ready.await(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (ready.getCount() > 0 || closing) {
                response.setHeader("Retry-After", "5");
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** "云鉴已就绪：请在浏览器中打开 http://localhost:8080/" — only for a server with a port (not a mock or the CLI). */
    private static void announce(ApplicationContext context) {
        if (context instanceof WebServerApplicationContext web
                && web.getWebServer() != null
                && web.getWebServer().getPort() > 0) {
            String path = context.getEnvironment().getProperty("server.servlet.context-path", "");
            String scheme =
                    context.getEnvironment().getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
            String url = scheme + "://localhost:" + web.getWebServer().getPort() + path + "/";
            log.info(Texts.render(Msg.of("web.ready", url), Locale.getDefault()));
        }
    }
}
