package org.yunjian.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last resolver: an exception nothing else handled is a 500. It gets a correlation ID, shown to the user
 * (error page, and {@code correlationId} in the RFC 9457 problem), written to the log with the stack trace
 * and recorded in the audit log as {@code request.failed} — in a transaction of its own, after the request's
 * work has been rolled back, so the entry survives.
 */
@Component
class InternalErrorResolver implements HandlerExceptionResolver, Ordered {

    static final String CORRELATION_ID = InternalErrorResolver.class.getName() + ".correlationId";
    private static final Logger log = LoggerFactory.getLogger(InternalErrorResolver.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApplicationEventPublisher events;

    InternalErrorResolver(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        String id = UUID.randomUUID().toString().substring(0, 13);
        request.setAttribute(CORRELATION_ID, id);
        String what = request.getMethod() + " " + request.getRequestURI();
        log.error("Request failed, correlation ID {}: {}", id, what, ex);
        try {
            events.publishEvent(AuditableEvent.failure(
                    "request.failed", "request", what, Msg.of("audit.detail.internalError", id)));
        } catch (RuntimeException auditFailed) {
            log.error("Could not audit the failed request {} (correlation ID {})", what, id, auditFailed);
        }
        if (response.isCommitted()) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "urn:yunjian:problem:internal");
            problem.put("title", HttpStatus.INTERNAL_SERVER_ERROR.getReasonPhrase());
            problem.put("status", 500);
            problem.put("detail", Texts.get("web.problem.internal", id));
            problem.put("correlationId", id);
            try {
                response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(JSON.writeValueAsString(problem));
            } catch (IOException e) {
                return null;
            }
            return new ModelAndView();
        }
        ModelAndView page = new ModelAndView("web/error");
        page.setStatus(HttpStatus.INTERNAL_SERVER_ERROR);
        page.addObject("messageKey", "web.error.generic");
        page.addObject("correlationId", id);
        return page;
    }
}
