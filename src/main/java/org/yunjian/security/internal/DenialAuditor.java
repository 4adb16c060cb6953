package org.yunjian.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.yunjian.security.AccountPrincipal;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.NotFoundException;

/**
 * Turns every permission denial into an audit record: {@link AuthorizationDeniedEvent}s from URL and
 * method security, {@link AccessDeniedException}s thrown by services (object-level checks) and CSRF
 * failures. Requests without a login are not denials but authentication demands, and are not recorded.
 * Also the filter chain's access-denied handler: a 403 problem for {@code /api/**}, the TOTP page for an
 * administrator who has not finished logging in, a 403 error page otherwise.
 */
@Component
public class DenialAuditor implements HandlerExceptionResolver, Ordered, AccessDeniedHandler {

    private static final String AUDITED = DenialAuditor.class.getName() + ".audited";

    private final ApplicationEventPublisher events;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    DenialAuditor(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void on(AuthorizationDeniedEvent<?> event) {
        Authentication auth = event.getAuthentication().get();
        HttpServletRequest request = event.getSource() instanceof HttpServletRequest r ? r : currentRequest();
        String detail = org.yunjian.shared.Msg.of(
                        event.getSource() instanceof MethodInvocation
                                ? "audit.detail.notPermitted.operation"
                                : "audit.detail.notPermitted.url",
                        objectOf(request, event.getSource()))
                .encode();
        record(auth, request, detail, objectOf(request, event.getSource()));
    }

    /** Service-level denials reaching MVC: recorded, then left to the normal resolvers. */
    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (ex instanceof AccessDeniedException && !(ex instanceof AuthorizationDeniedException)) {
            record(
                    SecurityContextHolder.getContext().getAuthentication(),
                    request,
                    detailOf(ex.getMessage()),
                    objectOf(request, null));
        } else if (ex instanceof NotFoundException nf) {
            // a 404 is also the answer to another organisation's object ID: a cross-tenant probe is recorded
            notFound(SecurityContextHolder.getContext().getAuthentication(), request, nf);
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(ex instanceof AuthorizationDeniedException)) {
            record(
                    auth,
                    request,
                    ex instanceof CsrfException
                            ? org.yunjian.shared.Msg.of("audit.detail.csrf").encode()
                            : detailOf(ex.getMessage()),
                    objectOf(request, null));
        }
        if (Problems.isApi(request)) {
            Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "security.problem.forbidden");
        } else if (auth != null
                && auth.getPrincipal() instanceof AccountPrincipal p
                && !p.fullyAuthenticated()
                && !(ex instanceof CsrfException)) {
            response.sendRedirect(request.getContextPath() + "/login/totp");
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    /** A denial whose message is a bundle key is stored as that message, so the audit page shows it in the reader's language. */
    static String detailOf(String message) {
        return message != null && BUNDLE_KEY.matcher(message).matches()
                ? org.yunjian.shared.Msg.of(message).encode()
                : message;
    }

    private static final java.util.regex.Pattern BUNDLE_KEY =
            java.util.regex.Pattern.compile("[a-z]+(?:\\.[A-Za-z0-9-]+)+");

    private void record(Authentication auth, HttpServletRequest request, String detail, String object) {
        if (request != null && request.getAttribute(AUDITED) != null) {
            return;
        }
        if (auth == null || trust.isAnonymous(auth)) {
            return;
        }
        if (request != null) {
            request.setAttribute(AUDITED, Boolean.TRUE);
        }
        AuditableEvent event = AuditableEvent.denied("access.denied", "request", object, detail);
        if (CurrentUser.current().isEmpty()) {
            event = event.withActor(auth.getName());
        }
        events.publishEvent(event);
    }

    private void notFound(Authentication auth, HttpServletRequest request, NotFoundException e) {
        if (auth == null || trust.isAnonymous(auth)) {
            return;
        }
        AuditableEvent event = AuditableEvent.denied(
                "object.not-visible",
                e.objectType(),
                e.id(),
                org.yunjian.shared.Msg.of("audit.detail.notVisible", objectOf(request, null)));
        events.publishEvent(CurrentUser.current().isEmpty() ? event.withActor(auth.getName()) : event);
    }

    private static String objectOf(HttpServletRequest request, Object source) {
        if (request != null) {
            return request.getMethod() + " " + request.getRequestURI();
        }
        if (source instanceof MethodInvocation mi) {
            return mi.getMethod().getName();
        }
        return null;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest()
                : null;
    }
}
