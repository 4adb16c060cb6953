package org.yunjian.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.yunjian.shared.AuditableEvent;

/**
 * Records every refused upload or import (evidence, workbook, manifest, verification report, storage check,
 * catalog and party imports — any multipart request) as {@code upload.refused}: a REST answer of 400, 409,
 * 413 or 422, or a page that shows the form again with {@code errors}. The request's transaction has ended
 * by then, so the entry has a transaction of its own and survives its rollback. Denials (403), 404 and 500
 * are recorded elsewhere.
 */
class RefusedUploadAuditor implements HandlerInterceptor {

    private static final String RECORDED = RefusedUploadAuditor.class.getName() + ".recorded";
    private final ApplicationEventPublisher events;

    RefusedUploadAuditor(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView mav) {
        if (upload(request) && mav != null && mav.getModel().get("errors") instanceof Map<?, ?> errors
                && !errors.isEmpty()) {
            record(request, "refused: " + String.join(", ", errors.keySet().stream().map(String::valueOf).toList()));
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        int status = response.getStatus();
        if (upload(request) && (status == 400 || status == 409 || status == 413 || status == 422)) {
            record(request, "refused with status " + status);
        }
    }

    private void record(HttpServletRequest request, String detail) {
        if (request.getAttribute(RECORDED) != null) {
            return;
        }
        request.setAttribute(RECORDED, Boolean.TRUE);
        events.publishEvent(refusal(request, detail));
    }

    /** The audit entry of a refused upload (also for one refused before a handler was chosen: a bad file name). */
    static AuditableEvent refusal(HttpServletRequest request, String detail) {
        return AuditableEvent.failure("upload.refused", "request", request.getMethod() + " " + request.getRequestURI(),
                detail);
    }

    private static boolean upload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                && !"GET".equals(request.getMethod());
    }
}
