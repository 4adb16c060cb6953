package org.yunjian.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.RawUploadRoute;
import org.yunjian.shared.Text;

/**
 * Records every refused upload or import (evidence, workbook, manifest, verification report, storage check,
 * catalog and party imports — any multipart request — and the documents sent as the raw body of a
 * {@link RawUploadRoute}, such as the OSCAL SSP import) as {@code upload.refused}: a REST answer of 400, 409,
 * 412, 413, 415, 422 or 428, or a page that shows the form again with {@code errors}. The entry names the refusal:
 * the status and, when the handler's exception says it, the fields with their message keys. The request's
 * transaction has ended by then, so the entry has a transaction of its own and survives its rollback. Denials
 * (403), 404 and 500 are recorded elsewhere.
 */
class RefusedUploadAuditor implements HandlerInterceptor {

    private static final String RECORDED = RefusedUploadAuditor.class.getName() + ".recorded";
    private static final java.util.Set<Integer> REFUSALS = java.util.Set.of(400, 409, 412, 413, 415, 422, 428);
    private final ApplicationEventPublisher events;
    private final List<RawUploadRoute> rawUploads;

    RefusedUploadAuditor(ApplicationEventPublisher events, List<RawUploadRoute> rawUploads) {
        this.events = events;
        this.rawUploads = rawUploads;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (upload(request)
                && mav != null
                && mav.getModel().get("errors") instanceof Map<?, ?> errors
                && !errors.isEmpty()) {
            record(
                    request,
                    "refused: "
                            + String.join(
                                    ", ",
                                    errors.keySet().stream()
                                            .map(String::valueOf)
                                            .toList()));
        }
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        int status = response.getStatus();
        if (upload(request) && REFUSALS.contains(status)) {
            record(request, "refused with status " + status + reason(request, ex));
        }
    }

    /** What the handler's exception says about the refusal: the fields and their message keys, or its kind. */
    private static String reason(HttpServletRequest request, Exception ex) {
        Object thrown = ex != null ? ex : request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
        if (thrown instanceof FieldErrors.ValidationException v) {
            List<String> fields = v.messages().entrySet().stream()
                    .limit(5)
                    .map(e -> Text.shorten(e.getKey() + " " + e.getValue().key(), 160))
                    .toList();
            return ": " + String.join(", ", fields) + (v.messages().size() > 5 ? ", …" : "");
        }
        return thrown == null ? "" : ": " + thrown.getClass().getSimpleName();
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
        return AuditableEvent.failure(
                "upload.refused", "request", request.getMethod() + " " + request.getRequestURI(), detail);
    }

    private boolean upload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null
                        && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                        && !"GET".equals(request.getMethod())
                || rawUploads.stream().anyMatch(r -> r.matches(request));
    }
}
